// A unit the template names generically (区应急管理局) as 设置 names it (太原市小店区应急管理局): one match for
// the contact tables, the lead unit and the placeholders that default to a unit.
import type { DistrictProfile } from '../../../shared/schemas/profile';

/**
 * A unit's name without spaces and without a leading place name: 设置 says 小店区应急管理局 where the template
 * says 区应急管理局, and a city-level name may lead with 太原市.
 */
export const unitKey = (s: string) => s.replace(/[\s\u3000]/g, '').replace(/^[^区市县]{0,8}?市/, '').replace(/^[^区县]{0,6}?[区县]/, '');

/** `unit` as 设置 names it: the emergency bureau, else a listed department of that name; else `unit` unchanged. */
export function profileUnitName(unit: string, profile: DistrictProfile): string {
  const key = unitKey(unit);
  if (!key) return unit;
  if (profile.emergencyBureau && unitKey(profile.emergencyBureau) === key) return profile.emergencyBureau;
  return profile.departments.find((d) => unitKey(d.name) === key)?.name ?? unit;
}
