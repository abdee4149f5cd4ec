/**
 * Who has a bot open, on which integration and in which field. Every tab says so every 10 s (POST
 * …/presence); the message goes to every server on the database by NOTIFY `presence`, so each server keeps
 * the whole board for its own streams and no table is written ten times a minute per tab. A tab that stops
 * saying so leaves after `ttlMs`; a tab whose stream closes leaves at once. A server that starts late learns
 * each tab at its next heartbeat.
 */

export const PRESENCE_CHANNEL = 'presence';
/** A tab silent this long has gone (the web app beats every 10 s): with the sweep, it leaves within 30 s. */
export const PRESENCE_TTL_MS = 25_000;

/** Who someone is, when the app knows people; null shows as "another tab". */
export interface Author {
  id: string;
  name: string;
}

export interface PresenceMessage {
  botId: string;
  tab: string;
  integrationId?: string | null;
  field?: string | null;
  author: Author | null;
  leave?: boolean;
}

export interface PresentTab {
  tab: string;
  integrationId: string | null;
  field: string | null;
  author: Author | null;
}

interface Entry extends PresentTab {
  seenAt: number;
}

export class PresenceBoard {
  private readonly bots = new Map<string, Map<string, Entry>>();
  private readonly sweeper: NodeJS.Timeout;

  constructor(
    private readonly ttlMs: number,
    /** Called with the bot whose board changed (a tab came, moved or left). */
    private readonly changed: (botId: string) => void,
  ) {
    this.sweeper = setInterval(() => this.sweep(), Math.max(50, Math.floor(ttlMs / 10)));
    this.sweeper.unref();
  }

  apply(message: PresenceMessage): void {
    const tabs = this.bots.get(message.botId) ?? new Map<string, Entry>();
    const before = tabs.get(message.tab);
    if (message.leave) {
      if (!before) return;
      tabs.delete(message.tab);
      if (!tabs.size) this.bots.delete(message.botId);
      this.changed(message.botId);
      return;
    }
    const entry: Entry = {
      tab: message.tab,
      integrationId: message.integrationId ?? null,
      field: message.field ?? null,
      author: message.author,
      seenAt: Date.now(),
    };
    tabs.set(message.tab, entry);
    this.bots.set(message.botId, tabs);
    // A heartbeat that changes nothing only keeps the tab; nobody needs to hear it.
    if (!before || before.integrationId !== entry.integrationId || before.field !== entry.field || before.author?.id !== entry.author?.id) {
      this.changed(message.botId);
    }
  }

  snapshot(botId: string): PresentTab[] {
    return [...(this.bots.get(botId)?.values() ?? [])].map(({ tab, integrationId, field, author }) => ({
      tab,
      integrationId,
      field,
      author,
    }));
  }

  private sweep(): void {
    const oldest = Date.now() - this.ttlMs;
    for (const [botId, tabs] of this.bots) {
      let left = false;
      for (const [tab, entry] of tabs) {
        if (entry.seenAt < oldest) {
          tabs.delete(tab);
          left = true;
        }
      }
      if (!tabs.size) this.bots.delete(botId);
      if (left) this.changed(botId);
    }
  }

  close(): void {
    clearInterval(this.sweeper);
  }
}
