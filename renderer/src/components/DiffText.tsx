// Renders a character-level diff: insertions underlined green, deletions struck red.
import type { DiffPart } from '@shared/schemas/revision';

export function DiffText({ parts }: { parts: DiffPart[] }) {
  return (
    <div className="diff-text">
      {parts.map((p, i) =>
        p.op === 'add' ? <ins key={i}>{p.text}</ins> : p.op === 'del' ? <del key={i}>{p.text}</del> : <span key={i}>{p.text}</span>,
      )}
    </div>
  );
}

/** Search snippets mark hits with \u0001 … \u0002. */
export function Highlighted({ snippet }: { snippet: string }) {
  // eslint-disable-next-line no-control-regex -- the core marks hits with these two control characters
  const parts = snippet.split(/(\u0001[^\u0002]*\u0002)/);
  return <>{parts.map((p, i) => (p.startsWith('\u0001') ? <mark key={i}>{p.slice(1, -1)}</mark> : <span key={i}>{p}</span>))}</>;
}
