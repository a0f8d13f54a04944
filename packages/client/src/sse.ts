/**
 * A Server-Sent Events reader for the employee stream (employee.ts), after the WHATWG "event stream"
 * rules the stream uses: lines end in LF, CRLF or CR; `event:` names the event; `data:` lines join with
 * LF; a blank line dispatches; lines starting with `:` are comments (the server's heartbeat); a single
 * space after the colon is dropped; `id:` and `retry:` are ignored (the client reconnects on its own).
 *
 * Why not the maintained `eventsource-parser` package (the server's tests and the load benchmark read
 * the same stream with it, so the server's framing is checked by it): it costs 1.3-1.7 KB gzip, over a
 * tenth of `<parley-banner>`'s 15 KB budget, for generality this one producer does not need.
 */
export type SseHandler = (event: string, data: string) => void;

/** Returns a feed for decoded text chunks, which may split lines (and CRLF pairs) anywhere. */
export function sseReader(onEvent: SseHandler): (chunk: string) => void {
  let buffer = '';
  let event = '';
  let data: string[] = [];
  let skipLf = false;
  const line = (text: string) => {
    if (text === '') {
      if (data.length) onEvent(event || 'message', data.join('\n'));
      event = '';
      data = [];
      return;
    }
    const colon = text.indexOf(':');
    if (colon === 0) return;
    const field = colon < 0 ? text : text.slice(0, colon);
    let value = colon < 0 ? '' : text.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'event') event = value;
    else if (field === 'data') data.push(value);
  };
  return (chunk) => {
    let start = 0;
    // A CR that ended the previous chunk may be the first half of CRLF.
    if (skipLf && chunk.startsWith('\n')) start = 1;
    skipLf = false;
    buffer += chunk.slice(start);
    let at = 0;
    for (let i = 0; i < buffer.length; i++) {
      const c = buffer[i];
      if (c !== '\n' && c !== '\r') continue;
      line(buffer.slice(at, i));
      if (c === '\r') {
        if (i + 1 === buffer.length) skipLf = true;
        else if (buffer[i + 1] === '\n') i++;
      }
      at = i + 1;
    }
    buffer = buffer.slice(at);
  };
}
