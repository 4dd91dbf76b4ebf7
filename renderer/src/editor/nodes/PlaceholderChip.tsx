// The chip's face; a click asks the plan editor to fill this placeholder everywhere.
import { createContext, useContext } from 'react';

export interface PlaceholderActions {
  label(key: string): string;
  fill(key: string): void;
}

export const PlaceholderContext = createContext<PlaceholderActions>({ label: (k) => k, fill: () => undefined });

export function PlaceholderChip({ phKey }: { phKey: string }) {
  const ctx = useContext(PlaceholderContext);
  return (
    <span className="ph-chip" title="待填写：点击填写，全文同名占位符一并替换" data-placeholder={phKey} onClick={() => ctx.fill(phKey)}>
      {ctx.label(phKey)}
    </span>
  );
}
