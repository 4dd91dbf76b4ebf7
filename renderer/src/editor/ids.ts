// New section ids made in the page (same shape as the core's: prefix + random url-safe characters).
export function newSectionId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(9));
  return `s-${btoa(String.fromCharCode(...bytes)).replace(/[^A-Za-z0-9]/g, 'x')}`;
}
