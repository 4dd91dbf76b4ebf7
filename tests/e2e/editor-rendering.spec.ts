// What a keystroke repaints: only the document's scroll box. Counted from Chromium's own layer paints (the
// DevTools LayerTree domain), not timed: before the panels were contained, every keystroke re-laid out the
// editor's grid and repainted the window's root layer (outline, side panel, header) with it.
import { expect, invoke, test } from './fixtures';
import { PlanEditor } from './pages/plan-editor';

test('typing in a plan repaints the document, not the outline, side panel and header around it', async ({ page, host }) => {
  await page.goto(host.url);
  const { id } = await invoke<{ id: string }>(page, 'plan.create', { templateId: 'forest-fire', revision: '2019' });
  await page.goto(`${host.url}/#/plans/${id}`);
  const ed = new PlanEditor(page);
  await ed.caretAtEnd(ed.paragraph('为建立健全本区森林火灾应对工作机制'));
  await ed.waitSaved();

  // Each layer's paint count, as the layer tree reports it after every change.
  const cdp = await page.context().newCDPSession(page);
  const layers = new Map<string, { backendNodeId?: number; paintCount: number }>();
  cdp.on('LayerTree.layerTreeDidChange', (e) => e.layers?.forEach((l) => layers.set(l.layerId, l)));
  await cdp.send('DOM.enable');
  await cdp.send('LayerTree.enable');
  await expect.poll(() => layers.size).toBeGreaterThan(0);
  const before = new Map([...layers].map(([id, l]) => [id, l.paintCount]));
  const KEYS = 20;
  for (const ch of '各单位应当加强值班值守及时报送突发事件信息'.slice(0, KEYS)) {
    await page.keyboard.insertText(ch);
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0))));
  }
  await expect(ed.paragraph('为建立健全本区森林火灾应对工作机制')).toContainText('各单位应当加强值班值守');

  const owner = async (backendNodeId?: number) => (backendNodeId ? (await cdp.send('DOM.describeNode', { backendNodeId })).node.attributes?.join(' ') ?? '' : '');
  let scrollBox = 0;
  let others = 0;
  for (const [id, l] of layers) {
    const painted = l.paintCount - (before.get(id) ?? 0);
    if ((await owner(l.backendNodeId)).includes('plan-scroll')) scrollBox += painted;
    else others += painted;
  }
  expect(scrollBox).toBeGreaterThanOrEqual(KEYS / 2);
  // A save may repaint the status tag in the header once or twice; a repaint per keystroke would be ~KEYS.
  expect(others).toBeLessThanOrEqual(KEYS / 4);
});
