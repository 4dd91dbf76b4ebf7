// Read-only rendering of document blocks (template clauses, lineage, comparisons).
import type { BlockJSON, InlineJSON } from '@shared/doc-model';
import { FORMAT } from '@shared/doc-model';

function Inline({ nodes, fill }: { nodes: InlineJSON[]; fill?: (key: string) => string | undefined }) {
  return (
    <>
      {nodes.map((n, i) => {
        if (n.type === 'linebreak') return <br key={i} />;
        if (n.type === 'placeholder') {
          const v = fill?.(n.key);
          return v ? <span key={i}>{v}</span> : <span key={i} className="ph-chip">{n.key}</span>;
        }
        let el = <>{n.text}</>;
        if (n.format & FORMAT.bold) el = <strong>{el}</strong>;
        if (n.format & FORMAT.italic) el = <em>{el}</em>;
        if (n.format & FORMAT.underline) el = <u>{el}</u>;
        return <span key={i}>{el}</span>;
      })}
    </>
  );
}

export function BlockView({ blocks, fill }: { blocks: BlockJSON[]; fill?: (key: string) => string | undefined }) {
  return (
    <div className="doc-blocks">
      {blocks.map((b, i) => {
        if (b.type === 'paragraph') return <p key={i} className="doc-p"><Inline nodes={b.children} fill={fill} /></p>;
        if (b.type === 'list') {
          const Tag = b.listType === 'number' ? 'ol' : 'ul';
          return <Tag key={i} className="doc-list">{b.children.map((li, j) => <li key={j}><Inline nodes={li.children} fill={fill} /></li>)}</Tag>;
        }
        return (
          <table key={i} className="doc-table">
            <tbody>
              {b.children.map((row, r) => (
                <tr key={r}>
                  {row.children.map((cell, c) => {
                    const Cell = cell.headerState ? 'th' : 'td';
                    return <Cell key={c}>{cell.children.map((p, k) => <div key={k}><Inline nodes={p.children} fill={fill} /></div>)}</Cell>;
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        );
      })}
    </div>
  );
}
