using System.Text;
using Terminal.Host.Keys;

namespace Terminal.Host.Cli;

/// <summary>
/// Where a command gets a secret: a file option, else an environment variable (for scripts: the key commands'
/// TERMINAL_HOST_KEY_PASSPHRASE, the user commands' TERMINAL_HOST_USER_PASSWORD), else typed on the terminal
/// without echo (twice for a new one).
/// </summary>
internal sealed class PassphraseInput
{
    /// <summary>The environment variable scripts may use.</summary>
    public const string Variable = "TERMINAL_HOST_KEY_PASSPHRASE";

    /// <summary>The shortest passphrase a new key file accepts.</summary>
    public const int MinimumLength = 12;

    private readonly string? _file;
    private readonly TextWriter _output;
    private readonly string _variable;
    private readonly string _what;
    private readonly int _minimumLength;
    private readonly string _fileOption;

    /// <summary>The district key's passphrase.</summary>
    public PassphraseInput(string? file, TextWriter output)
        : this(file, output, Variable, "区县密钥口令", MinimumLength, "--passphrase-file")
    {
    }

    /// <summary>Another secret: <paramref name="what"/> names it in prompts and messages.</summary>
    public PassphraseInput(string? file, TextWriter output, string variable, string what, int minimumLength, string fileOption)
    {
        _file = file;
        _output = output;
        _variable = variable;
        _what = what;
        _minimumLength = minimumLength;
        _fileOption = fileOption;
    }

    /// <summary>The passphrase of an existing key file; throws <see cref="KeyFileException"/> when none can be had.</summary>
    public string ReadExisting() => ReadFromScriptSource() ?? Prompt($"请输入{_what}：");

    /// <summary>A new passphrase (typed twice on the terminal); throws <see cref="KeyFileException"/> when too short or mistyped.</summary>
    public string ReadNew()
    {
        var passphrase = ReadFromScriptSource();
        if (passphrase is null)
        {
            passphrase = Prompt($"请设置{_what}（至少 {_minimumLength} 个字符）：");
            if (Prompt("请再输入一次：") != passphrase)
            {
                throw new KeyFileException(KeyFileFailure.NoPassphrase, $"两次输入的{_what}不一致：未写入任何内容");
            }
        }
        return passphrase.Length < _minimumLength
            ? throw new KeyFileException(KeyFileFailure.NoPassphrase, $"{_what}太短：至少 {_minimumLength} 个字符（现为 {passphrase.Length} 个）")
            : passphrase;
    }

    private string? ReadFromScriptSource()
    {
        if (_file is not null)
        {
            return KeyFiles.ReadPassphraseFile(_file, requireOwnerOnly: false);
        }
        var variable = Environment.GetEnvironmentVariable(_variable);
        return string.IsNullOrEmpty(variable) ? null : variable;
    }

    private string Prompt(string question)
    {
        if (Console.IsInputRedirected)
        {
            throw new KeyFileException(KeyFileFailure.NoPassphrase, $"没有终端可输入{_what}：脚本中请用 {_fileOption} 或环境变量 {_variable}");
        }
        _output.Write(question);
        var typed = new StringBuilder();
        while (true)
        {
            var key = Console.ReadKey(intercept: true);
            if (key.Key == ConsoleKey.Enter)
            {
                break;
            }
            if (key.Key == ConsoleKey.Backspace)
            {
                typed.Length = Math.Max(0, typed.Length - 1);
            }
            else if (!char.IsControl(key.KeyChar))
            {
                typed.Append(key.KeyChar);
            }
        }
        _output.WriteLine();
        return typed.ToString();
    }
}
