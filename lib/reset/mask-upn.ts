/** Shows enough of a user principal name to recognise it, not enough to harvest it: k***n@oslomet.no */
export function maskUpn(upn: string): string {
  const at = upn.lastIndexOf('@');
  const local = at === -1 ? upn : upn.slice(0, at);
  const domain = at === -1 ? '' : upn.slice(at);
  const masked = local.length <= 2 ? `${local.slice(0, 1)}***` : `${local[0]}***${local[local.length - 1]}`;
  return `${masked}${domain}`;
}
