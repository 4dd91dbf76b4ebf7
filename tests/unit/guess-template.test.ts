// Reading a municipal plan's title: the template it revises, its year, its hazard and category.
import { describe, expect, it } from 'vitest';
import { categoryOf, cleanTitle, guessTemplate, guessYear, hazardOf } from '../../electron/core/import/guess-template';
import { loadTemplates } from '../../electron/core/templates/load-templates';
import { TEMPLATES_DIR } from '../fixtures/forest-fire-plan';

const { templates } = loadTemplates(TEMPLATES_DIR);

describe('guessTemplate', () => {
  it('finds every shipped template from its title with a revision note, and from a reworded title', () => {
    for (const t of templates) expect(guessTemplate(`${t.meta.title}（2026年修订）`, templates), t.file).toBe(t.meta.id);
    expect(guessTemplate('太原市森林草原火灾应急预案', templates)).toBe('forest-fire');
    expect(guessTemplate('市防汛抗旱应急预案（2025年版）', templates)).toBe('flood-drought');
    expect(guessTemplate('市突发地质灾害应急预案', templates)).toBe('geological-hazard');
  });

  it('finds none for a plan no template is about', () => {
    expect(guessTemplate('市城市供水突发事件应急预案', templates)).toBeNull();
    expect(guessTemplate('', templates)).toBeNull();
  });
});

describe('title reading', () => {
  it('takes the revision note off the title and the year out of it', () => {
    expect(cleanTitle('市森林火灾应急预案（2026年修订）')).toBe('市森林火灾应急预案');
    expect(cleanTitle('市森林火灾应急预案 (2026年版)')).toBe('市森林火灾应急预案');
    expect(cleanTitle('市森林火灾应急预案（试行）')).toBe('市森林火灾应急预案（试行）');
    expect(guessYear('市森林火灾应急预案（2026年修订）', 2030)).toBe(2026);
    expect(guessYear('市森林火灾应急预案', 2030)).toBe(2030);
  });

  it('names the hazard and the category of a new template', () => {
    expect(hazardOf('太原市城市供水突发事件应急预案')).toBe('城市供水突发事件');
    expect(hazardOf('市森林火灾专项应急预案')).toBe('森林火灾');
    expect(categoryOf('市城市供水突发事件应急预案')).toBe('事故灾难');
    expect(categoryOf('市森林草原火灾应急预案')).toBe('自然灾害');
    expect(categoryOf('市高层建筑火灾应急预案')).toBe('事故灾难');
    expect(categoryOf('市突发公共卫生事件应急预案')).toBe('公共卫生事件');
  });
});
