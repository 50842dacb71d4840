// Sandbox source prepended to compiled DQL queries: Dataview's expression semantics (null-safe fields that
// swizzle over arrays and follow links, truthiness, and the supported functions), built on the public `dv` API.
export const DQL_HELPERS_JS = `
const __this = dv.current();
const __truthy = (v) => {
  switch (dv.value.typeOf(v)) {
    case 'number': return v !== 0;
    case 'string': case 'array': return v.length > 0;
    case 'boolean': return v;
    case 'link': return !!v.path;
    case 'date': return v.ts !== 0;
    case 'object': return Object.keys(v).length > 0;
    case 'function': return true;
    default: return false;
  }
};
const __field = (object, key) => {
  if (object === null || object === undefined) return null;
  if (Array.isArray(object)) return dv.array(object)[key];
  if (dv.value.isLink(object)) return __field(dv.page(object), key);
  const value = object[key];
  return value === undefined ? null : value;
};
const __contains = (haystack, needle) => {
  if (typeof haystack === 'string') return typeof needle === 'string' && haystack.includes(needle);
  if (Array.isArray(haystack)) return Array.from(haystack).some((e) => __contains(e, needle));
  if (dv.value.isLink(haystack) || dv.value.isLink(needle)) return dv.compare(haystack, needle) === 0;
  if (dv.value.isObject(haystack)) return typeof needle === 'string' && needle in haystack;
  return dv.compare(haystack, needle) === 0;
};
const __econtains = (haystack, needle) => {
  if (typeof haystack === 'string') return typeof needle === 'string' && haystack.includes(needle);
  if (Array.isArray(haystack)) return Array.from(haystack).some((e) => dv.compare(e, needle) === 0);
  return dv.compare(haystack, needle) === 0;
};
const __length = (v) => (v === null || v === undefined ? 0 : typeof v === 'object' && !Array.isArray(v) ? Object.keys(v).length : v.length);
const __lower = (v) => (typeof v === 'string' ? v.toLowerCase() : v);
const __upper = (v) => (typeof v === 'string' ? v.toUpperCase() : v);
const __default = (v, fallback) => (v === null || v === undefined ? fallback : v);
const __startswith = (v, prefix) => typeof v === 'string' && v.startsWith(prefix);
const __endswith = (v, suffix) => typeof v === 'string' && v.endsWith(suffix);
const __link = (target) => {
  const page = dv.page(String(target));
  return page ? page.file.link : dv.fileLink(String(target));
};
`;
