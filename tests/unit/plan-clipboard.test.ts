import { describe, expect, it } from 'vitest';
import { list, paragraph, placeholder, table, text, type PlanSection } from '@shared/doc-model';
import { planClipboard } from '../../renderer/src/editor/plan-clipboard';

const sections: PlanSection[] = [
  { id: 'a', level: 1, kind: 'body', title: '总则', body: [paragraph([text('由'), placeholder('牵头单位'), text('负责', 1)])] },
  { id: 'b', level: 2, kind: 'body', title: '分工<一>', body: [list('number', [[text('甲')], [text('乙')]]), table([[[text('单位')], [text('职责')]], [[text('区林业局')], [text('扑救')]]])] },
  { id: 'c', level: 1, kind: 'annex', title: '通讯录', body: [list('bullet', [[text('值班室')]])] },
];
const numbers = new Map([['a', '一、'], ['b', '（一）'], ['c', '附件1']]);

describe('the whole plan on the clipboard', () => {
  it('gives plain text with the headings numbered as shown, list markers and tab-separated table rows', () => {
    expect(planClipboard(sections, numbers).text).toBe(['一、总则', '由{{牵头单位}}负责', '（一）分工<一>', '1. 甲', '2. 乙', '单位\t职责', '区林业局\t扑救', '附件1\u3000通讯录', '• 值班室'].join('\n'));
  });

  it('gives HTML headings, lists and tables, the numbers marked and the text escaped', () => {
    const { html } = planClipboard(sections, numbers);
    expect(html).toContain('<h1><span data-heading-number="">一、</span>总则</h1>');
    expect(html).toContain('<p>由{{牵头单位}}<b>负责</b></p>');
    expect(html).toContain('<h2><span data-heading-number="">（一）</span>分工&lt;一&gt;</h2>');
    expect(html).toContain('<ol><li>甲</li><li>乙</li></ol>');
    expect(html).toMatch(/<tr><th[^>]*><p>单位<\/p><\/th><th[^>]*><p>职责<\/p><\/th><\/tr><tr><td[^>]*><p>区林业局<\/p><\/td>/);
    expect(html).toContain('<h1 style="text-align:center"><span data-heading-number="">附件1\u3000</span>通讯录</h1>');
    expect(html).toContain('<ul><li>值班室</li></ul>');
  });
});
