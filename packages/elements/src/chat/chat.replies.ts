/**
 * The chat's news, worked out after each render: replies the visitor has not had in front of them (the
 * launcher's badge and `parley-unread`) and replies that just arrived (`parley-message`, the JS API's
 * `message` event). A resumed conversation's history is neither.
 */
import type { VisitorState } from '@parley/client';
import type { Message } from '@parley/protocol';

export interface ReplyEvents {
  unread(count: number): void;
  message(message: Message): void;
}

export class ReplyWatch {
  /** Highest seq the visitor has had in front of them (panel open); later replies count as unread. */
  private seenSeq = 0;
  private lastUnread = 0;
  /** Highest seq `message` has covered in the conversation `heardIn`; -1 until its history is in. */
  private heardSeq = -1;
  private heardIn?: string;

  constructor(private readonly events: ReplyEvents) {}

  /** Replies from the bot or an agent that came while the panel was closed. */
  unread(state: VisitorState | undefined, open: boolean): number {
    if (open) return 0;
    return (state?.timeline ?? []).filter((e) => e.message.author !== 'visitor' && e.message.seq > this.seenSeq).length;
  }

  update(state: VisitorState | undefined, open: boolean): void {
    const timeline = state?.timeline ?? [];
    if (open || (this.seenSeq === 0 && timeline.length)) {
      this.seenSeq = timeline.reduce((max, e) => Math.max(max, e.message.seq || 0), this.seenSeq);
    }
    if (state?.conversation?.id !== this.heardIn) {
      this.heardIn = state?.conversation?.id;
      this.heardSeq = -1;
    }
    let top = this.heardSeq;
    for (const { message } of timeline) {
      // Seq 0: still in the outbox, not a stored row.
      if (message.seq <= Math.max(this.heardSeq, 0)) continue;
      if (this.heardSeq >= 0 && (message.author === 'agent' || message.author === 'bot')) this.events.message(message);
      top = Math.max(top, message.seq);
    }
    this.heardSeq = top;
    const unread = this.unread(state, open);
    if (unread !== this.lastUnread) {
      this.lastUnread = unread;
      this.events.unread(unread);
    }
  }
}
