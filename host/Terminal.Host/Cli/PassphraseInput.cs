using System.Text;
using Terminal.Host.Keys;

namespace Terminal.Host.Cli;

/// <summary>
/// Where a key command gets the passphrase: --passphrase-file, else the environment variable
/// TERMINAL_HOST_KEY_PASSPHRASE (for scripts), else typed on the terminal without echo (twice for a new one).
/// </summary>
internal sealed class PassphraseInput
{
    /// <summary>The environment variable scripts may use.</summary>
    public const string Variable = "TERMINAL_HOST_KEY_PASSPHRASE";

    /// <summary>The shortest passphrase a new key file accepts.</summary>
    public const int MinimumLength = 12;

    private readonly string? _file;
    private readonly TextWriter _output;

    public PassphraseInput(string? file, TextWriter output)
    {
        _file = file;
        _output = output;
    }

    /// <summary>The passphrase of an existing key file; throws <see cref="KeyFileException"/> when none can be had.</summary>
    public string ReadExisting() => ReadFromScriptSource() ?? Prompt("请输入区县密钥口令：");

    /// <summary>A new passphrase (typed twice on the terminal); throws <see cref="KeyFileException"/> when too short or mistyped.</summary>
    public string ReadNew()
    {
        var passphrase = ReadFromScriptSource();
        if (passphrase is null)
        {
            passphrase = Prompt($"请设置区县密钥口令（至少 {MinimumLength} 个字符）：");
            if (Prompt("请再输入一次：") != passphrase)
            {
                throw new KeyFileException(KeyFileFailure.NoPassphrase, "两次输入的口令不一致：未写入任何文件");
            }
        }
        return passphrase.Length < MinimumLength
            ? throw new KeyFileException(KeyFileFailure.NoPassphrase, $"口令太短：至少 {MinimumLength} 个字符（现为 {passphrase.Length} 个）")
            : passphrase;
    }

    private string? ReadFromScriptSource()
    {
        if (_file is not null)
        {
            return KeyFiles.ReadPassphraseFile(_file, requireOwnerOnly: false);
        }
        var variable = Environment.GetEnvironmentVariable(Variable);
        return string.IsNullOrEmpty(variable) ? null : variable;
    }

    private string Prompt(string question)
    {
        if (Console.IsInputRedirected)
        {
            throw new KeyFileException(KeyFileFailure.NoPassphrase, $"没有终端可输入口令：脚本中请用 --passphrase-file 或环境变量 {Variable}");
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
