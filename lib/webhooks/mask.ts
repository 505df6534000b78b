// A webhook URL is a secret (whoever has a Slack incoming-webhook URL can post to the channel), so it is shown and
// recorded only as its scheme and host.
export function maskWebhookUrl(url: string): string {
  try {
    const u = new URL(url);
    return `${u.protocol}//${u.host}/…`;
  } catch {
    return '(not a URL)';
  }
}
