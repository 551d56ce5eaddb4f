using System.Globalization;
using System.Text;
using QRCoder;

namespace Lantern.Web.Security;

/// <summary>What a person needs to add Lantern to their authenticator app: the key, shown in
/// groups of four, and the same as a QR code. The QR code is inline SVG made of attributes only
/// (the Content-Security-Policy allows no inline styles and no data: images).</summary>
public static class AuthenticatorSetup
{
    public const string Issuer = "Lantern";

    /// <summary>The key in groups of four characters: <c>JBSW Y3DP ...</c>.</summary>
    public static string Grouped(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var text = new StringBuilder(key.Length + (key.Length / 4));
        for (var i = 0; i < key.Length; i++)
        {
            if (i > 0 && i % 4 == 0)
            {
                text.Append(' ');
            }

            text.Append(char.ToUpperInvariant(key[i]));
        }

        return text.ToString();
    }

    /// <summary>The key URI authenticator apps read from a QR code.</summary>
    public static string KeyUri(string userName, string key)
    {
        ArgumentNullException.ThrowIfNull(userName);
        ArgumentNullException.ThrowIfNull(key);
        return string.Create(CultureInfo.InvariantCulture,
            $"otpauth://totp/{Uri.EscapeDataString(Issuer)}:{Uri.EscapeDataString(userName)}?secret={key.ToUpperInvariant()}&issuer={Uri.EscapeDataString(Issuer)}&digits=6&period=30");
    }

    /// <summary>An SVG QR code of <paramref name="text"/>, with its quiet zone, each dark run of
    /// modules in a row drawn as one rectangle.</summary>
    public static string QrSvg(string text, string title, int size = 200)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(title);
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M);
        var matrix = data.ModuleMatrix;
        var n = matrix.Count;
        var path = new StringBuilder();
        for (var y = 0; y < n; y++)
        {
            var row = matrix[y];
            var x = 0;
            while (x < n)
            {
                if (!row[x])
                {
                    x++;
                    continue;
                }

                var start = x;
                while (x < n && row[x])
                {
                    x++;
                }

                path.Append(CultureInfo.InvariantCulture, $"M{start} {y}h{x - start}v1h-{x - start}z");
            }
        }

        var encodedTitle = System.Net.WebUtility.HtmlEncode(title);
        return string.Create(CultureInfo.InvariantCulture,
            $"<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"lantern-qr-code\" viewBox=\"0 0 {n} {n}\" width=\"{size}\" height=\"{size}\" role=\"img\" aria-labelledby=\"qr-code-title\" shape-rendering=\"crispEdges\">" +
            $"<title id=\"qr-code-title\">{encodedTitle}</title>" +
            $"<rect width=\"{n}\" height=\"{n}\" fill=\"#ffffff\"/><path fill=\"#0b0c0c\" d=\"{path}\"/></svg>");
    }
}
