// Culture-aware formatting loads ICU at start-up, so a base without libicu fails here rather than passing.
var culture = System.Globalization.CultureInfo.GetCultureInfo("de-DE");
Console.WriteLine(string.Create(culture, $"hello from dotnet {1234.5:N1}"));
