module example.invalid/go-hello

go 1.19
