// A placeholder chip such as {{牵头单位}}: inline, atomic, filled for the whole plan from the side panel.
import type { JSX } from 'react';
import { $applyNodeReplacement, DecoratorNode, type LexicalNode, type SerializedLexicalNode, type Spread } from 'lexical';
import { PlaceholderChip } from './PlaceholderChip';

type SerializedPlaceholder = Spread<{ key: string }, SerializedLexicalNode>;

export class PlaceholderNode extends DecoratorNode<JSX.Element> {
  __phKey: string;

  static getType(): string {
    return 'placeholder';
  }

  static clone(node: PlaceholderNode): PlaceholderNode {
    return new PlaceholderNode(node.__phKey, node.__key);
  }

  constructor(phKey = '', key?: string) {
    super(key);
    this.__phKey = phKey;
  }

  getPlaceholderKey(): string {
    return this.getLatest().__phKey;
  }

  static importJSON(json: SerializedPlaceholder): PlaceholderNode {
    return $createPlaceholderNode(json.key);
  }

  exportJSON(): SerializedPlaceholder {
    return { type: 'placeholder', key: this.getPlaceholderKey(), version: 1 };
  }

  createDOM(): HTMLElement {
    const span = document.createElement('span');
    span.className = 'ph-host';
    return span;
  }

  updateDOM(): false {
    return false;
  }

  getTextContent(): string {
    return `{{${this.__phKey}}}`;
  }

  isInline(): true {
    return true;
  }

  isKeyboardSelectable(): boolean {
    return true;
  }

  decorate(): JSX.Element {
    return <PlaceholderChip phKey={this.__phKey} />;
  }
}

export function $createPlaceholderNode(key: string): PlaceholderNode {
  return $applyNodeReplacement(new PlaceholderNode(key));
}

export function $isPlaceholderNode(node: LexicalNode | null | undefined): node is PlaceholderNode {
  return node instanceof PlaceholderNode;
}
