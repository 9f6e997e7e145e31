/* A C program linked dynamically against glibc: its image needs libc6 and nothing else. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(void)
{
    const char *greeting = "hello from C on glibc";
    /* printf and strlen are resolved from libc.so.6 at run time: the line proves glibc is in the image. */
    printf("%s (%zu characters)\n", greeting, strlen(greeting));
    return EXIT_SUCCESS;
}
