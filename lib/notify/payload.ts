import { alertUrl, publicBaseUrl } from "@/lib/share/urls";

/** Slack's mrkdwn control characters; escaping them keeps log text from forming links or @channel mentions. */
export function slackEscape(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

export type AlertForMessage = {
  id: number; title: string; severity: string; ruleName: string; cluster: string; namespace: string | null; pod: string | null;
  actor: string | null; firstSeen: Date;
};

export type SlackPayload = { text: string; blocks: unknown[] };

/** A Slack-compatible incoming-webhook message (also understood by Mattermost and Rocket.Chat). */
export function alertMessage(a: AlertForMessage): SlackPayload {
  const link = alertUrl(a.id);
  const sev = a.severity.toUpperCase();
  const where = [a.cluster, a.namespace, a.pod].filter(Boolean).join("/");
  return {
    text: `[${sev}] ${slackEscape(a.title)} ${link}`,
    blocks: [
      { type: "section", text: { type: "mrkdwn", text: `*<${link}|${sev} alert #${a.id}>*\n${slackEscape(a.title)}` } },
      {
        type: "context",
        elements: [{
          type: "mrkdwn",
          text: [`Rule: ${slackEscape(a.ruleName)}`, `Where: ${slackEscape(where)}`, a.actor ? `Actor: ${slackEscape(a.actor)}` : null, `First seen: ${a.firstSeen.toISOString()}`]
            .filter(Boolean).join(" · "),
        }],
      },
    ],
  };
}

/** One message for a burst, so a noisy batch does not become a flood. */
export function digestMessage(alerts: AlertForMessage[]): SlackPayload {
  const link = `${publicBaseUrl()}/alerts?status=open&severity=high,critical`;
  const lines = alerts.slice(0, 5).map((a) => `• <${alertUrl(a.id)}|#${a.id}> [${a.severity.toUpperCase()}] ${slackEscape(a.title)}`);
  const more = alerts.length > 5 ? `\n…and ${alerts.length - 5} more` : "";
  return {
    text: `${alerts.length} new high/critical alerts ${link}`,
    blocks: [
      { type: "section", text: { type: "mrkdwn", text: `*<${link}|${alerts.length} new high/critical alerts>*\n${lines.join("\n")}${more}` } },
    ],
  };
}

export function testMessage(targetName: string): SlackPayload {
  const text = `Crowsnest test message for target ${slackEscape(targetName)} (${publicBaseUrl()})`;
  return { text, blocks: [{ type: "section", text: { type: "mrkdwn", text } }] };
}
