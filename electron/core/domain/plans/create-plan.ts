// A new district plan from a municipal template revision: placeholders filled, lineage on every section.
import { DOC_SCHEMA, type NumberingStyle, type PlanDocument } from '../../../shared/doc-model';
import type { DistrictProfile } from '../../../shared/schemas/profile';
import type { TemplateRevision } from '../../../shared/schemas/template';
import { ADDRESS_BOOK_TITLE, fillContactTables } from './contacts';
import { defaultValues, fillBlocks, fillString, titleAsRead } from './placeholders';
import { profileUnitName } from './unit-names';

export interface NewPlan {
  title: string;
  leadUnit: string;
  hazard: string;
  category: string;
  doc: PlanDocument;
}

export function createPlanFromTemplate(t: TemplateRevision, profile: DistrictProfile, numbering: NumberingStyle, newSectionId: () => string): NewPlan {
  const values = defaultValues(t.placeholders, profile);
  // The address book (成员单位通讯录) lists every department of 设置, not only those the template's rows name.
  const addressBook = t.clauses.findIndex((c) => ADDRESS_BOOK_TITLE.test(c.title));
  const sections = t.clauses.map((c, i) => {
    const base = fillBlocks(c.body, values);
    return {
      id: newSectionId(),
      level: c.level,
      kind: c.kind,
      title: c.title,
      // Contacts from 设置 are the district's own text: the lineage keeps the template's (待填).
      body: fillContactTables(base, profile.departments, i === addressBook),
      lineage: { templateId: t.meta.id, revision: t.meta.revision, clauseId: c.id, baseTitle: c.title, baseBody: base },
    };
  });
  return {
    // A key the profile could not fill reads 〔区名〕 in the title until the planner fills it (待填写的占位符).
    title: titleAsRead(fillString(t.meta.districtTitle, values)),
    // The template's 区应急管理局 as 设置 names it (太原市小店区应急管理局), like the placeholders that default to it.
    leadUnit: titleAsRead(profileUnitName(fillString(t.meta.leadDepartment, values), profile)),
    hazard: t.meta.hazard,
    category: t.meta.category,
    doc: { schema: DOC_SCHEMA, numbering, placeholders: values, sections },
  };
}
