using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Portal.Web.Features.Notifications;

/// <summary>Sends a delivery by SMTP (MailKit) to a subscription's addresses, plain text.</summary>
public sealed class EmailSender(IOptions<NotificationOptions> options)
{
    public bool IsConfigured => options.Value.Smtp.IsConfigured;

    public async Task<SendResult> SendAsync(NotificationSubscription subscription, NotificationDelivery delivery, CancellationToken cancellationToken)
    {
        var smtp = options.Value.Smtp;
        if (!smtp.IsConfigured)
        {
            return SendResult.Retry("E-mail is not configured on this portal (Notifications:Smtp:Host).");
        }
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(smtp.From));
        foreach (var address in EmailAddresses.Split(subscription.Target))
        {
            message.To.Add(MailboxAddress.Parse(address));
        }
        message.Subject = $"[PrivateLink Portal] {delivery.Summary}";
        message.Headers.Add("X-Portal-Delivery", delivery.Id.ToString());
        message.Body = new TextPart("plain") { Text = NotificationMessage.EmailText(delivery.Summary, delivery.Payload) };

        using var client = new SmtpClient { Timeout = (int)smtp.Timeout.TotalMilliseconds };
        try
        {
            await client.ConnectAsync(smtp.Host!, smtp.Port, Enum.Parse<SecureSocketOptions>(smtp.Security, ignoreCase: true), cancellationToken);
            if (!string.IsNullOrEmpty(smtp.UserName))
            {
                await client.AuthenticateAsync(smtp.UserName, smtp.Password ?? "", cancellationToken);
            }
            await client.SendAsync(message, cancellationToken);
            await client.DisconnectAsync(quit: true, cancellationToken);
            return SendResult.Ok;
        }
        catch (SmtpCommandException ex) when ((int)ex.StatusCode is >= 500 and < 600 && ex.ErrorCode == SmtpErrorCode.RecipientNotAccepted)
        {
            return SendResult.GiveUp($"The mail server refused the recipient: {ex.Message}");
        }
        catch (Exception ex) when (ex is SmtpCommandException or SmtpProtocolException or IOException or System.Net.Sockets.SocketException or AuthenticationException or TimeoutException)
        {
            return SendResult.Retry($"Sending the e-mail failed: {ex.Message}");
        }
    }
}
