namespace Tocsin.Fuzz.Tests.Harness;

/// <summary>The pieces of YAML syntax that mutations insert into YAML inputs.</summary>
public static class YamlTokens
{
    public static readonly string[] All =
    [
        ": ", "- ", "? ", "&a ", "*a", "<<: *a", "!Ref ", "!!binary ", "!<tag> ", "|", ">-", "---\n", "...\n", "%YAML 1.1\n", "%TAG ! tag:x,2000:\n", "#",
        "{", "}", "[", "]", ",", "'", "\"", "\\x", "\\U0001F600", "\n  ", "\n- ", "\t", "@", "`", "~", "null", "true", "0o17", "0x1F", ".inf", "-.nan",
        "2027-03-31", "2027-02-30", "0001-01-01", "9999-12-31", "111111111111", "1111111111111", "\"\\0\"",
    ];
}
