/** The ten recovery codes, shown once: a list, Copy and Download. Used by enrolment and the Account tab. */
import { html, type TemplateResult } from 'lit';
import type { TwoFactorStrings } from './two-factor.strings.js';

export function recoveryCodesText(codes: readonly string[]): string {
  return `Parley recovery codes (each works once)\n\n${codes.join('\n')}\n`;
}

export async function copyCodes(codes: readonly string[]): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(recoveryCodesText(codes));
    return true;
  } catch {
    return false;
  }
}

export function downloadCodes(codes: readonly string[]): void {
  const url = URL.createObjectURL(new Blob([recoveryCodesText(codes)], { type: 'text/plain;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = 'parley-recovery-codes.txt';
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}

/** `notice`: what Copy just did, read out by the live region. */
export function renderRecoveryCodes(s: TwoFactorStrings, codes: readonly string[], notice: string, onCopy: () => void): TemplateResult {
  return html`
    <ul class="codes" aria-label=${s.codesList}>
      ${codes.map((c) => html`<li><code>${c}</code></li>`)}
    </ul>
    <div class="row">
      <button type="button" @click=${onCopy}>${s.copy}</button>
      <button type="button" @click=${() => downloadCodes(codes)}>${s.download}</button>
    </div>
    <p class="notice" role="status">${notice}</p>
  `;
}
