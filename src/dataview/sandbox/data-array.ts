// Sandbox source: Dataview's DataArray (immutable array wrapper with field swizzling through a Proxy).
export const DATA_ARRAY_JS = `
var DATA_ARRAY_MEMBERS = new Set(['where', 'filter', 'map', 'flatMap', 'mutate', 'slice', 'concat', 'indexOf', 'limit',
  'find', 'findIndex', 'includes', 'join', 'sort', 'sortInPlace', 'groupBy', 'groupIn', 'distinct', 'every', 'some',
  'none', 'first', 'last', 'to', 'into', 'lwrap', 'expand', 'forEach', 'length', 'values', 'array', 'toString',
  'sum', 'avg', 'min', 'max', 'constructor']);

class DataArrayImpl {
  constructor(values) {
    this.values = values;
    this.length = values.length;
  }
  lwrap(values) { return wrapDataArray(values); }
  where(predicate) { return this.lwrap(this.values.filter(predicate)); }
  filter(predicate) { return this.where(predicate); }
  map(f) { return this.lwrap(this.values.map(f)); }
  flatMap(f) {
    var result = [];
    for (var i = 0; i < this.values.length; i++) {
      var value = f(this.values[i], i, this.values);
      if (!value || value.length === 0) continue;
      for (var item of value) result.push(item);
    }
    return this.lwrap(result);
  }
  mutate(f) {
    var values = this.values;
    for (var i = 0; i < values.length; i++) {
      // Page objects are shared by every block, so frozen: f gets the page's own copy, as a fresh page in Dataview.
      if (isSharedPageObject(values[i]) && !Object.isFrozen(values)) values[i] = Object.assign({}, values[i]);
      f(values[i], i, values);
    }
    return wrapDataArray(values);
  }
  limit(count) { return this.lwrap(this.values.slice(0, count)); }
  slice(start, end) { return this.lwrap(this.values.slice(start, end)); }
  concat(other) { return this.lwrap(this.values.concat(isDataArray(other) ? other.values : Array.from(other))); }
  indexOf(element, fromIndex) { return this.findIndex(function (e) { return compareValue(e, element) === 0; }, fromIndex); }
  find(predicate) { var i = this.findIndex(predicate); return i === -1 ? undefined : this.values[i]; }
  findIndex(predicate, fromIndex) {
    for (var i = fromIndex || 0; i < this.values.length; i++) if (predicate(this.values[i], i, this.values)) return i;
    return -1;
  }
  includes(element) { return this.indexOf(element, 0) !== -1; }
  join(separator) { return this.values.map(function (v) { return valueToString(v); }).join(separator === undefined ? ', ' : separator); }
  sort(key, direction, comparator) {
    if (this.values.length === 0) return wrapDataArray(this.values);
    var values = this.values;
    var keyOf = key || function (value) { return value; };
    var keys = values.map(function (value, index) { return keyOf(value, index, values); });
    var descending = direction === 'desc';
    var order = !comparator && keys.every(isOrderedNumber) ? numericOrder(keys, descending) : comparedOrder(keys, comparator || compareValue, descending);
    return this.lwrap(order.map(function (index) { return values[index]; }));
  }
  sortInPlace(key, direction, comparator) {
    var sorted = this.sort(key, direction, comparator).values;
    for (var i = 0; i < sorted.length; i++) this.values[i] = sorted[i];
    return wrapDataArray(this.values);
  }
  groupBy(key, comparator) {
    if (this.values.length === 0) return this.lwrap([]);
    var compare = comparator || compareValue;
    var sorted = this.sort(key, 'asc', comparator).values;
    var result = [];
    var rows = [sorted[0]];
    var current = key(sorted[0], 0, sorted);
    for (var i = 1; i < sorted.length; i++) {
      var next = key(sorted[i], i, sorted);
      if (compare(current, next) !== 0) {
        result.push({ key: current, rows: this.lwrap(rows) });
        current = next;
        rows = [sorted[i]];
      } else rows.push(sorted[i]);
    }
    result.push({ key: current, rows: this.lwrap(rows) });
    return this.lwrap(result);
  }
  groupIn(key, comparator) {
    var isGroup = function (e) { return e && typeof e === 'object' && Object.keys(e).length === 2 && 'key' in e && 'rows' in e; };
    if (this.values.length > 0 && this.values.every(isGroup)) {
      return this.map(function (g) { return { key: g.key, rows: wrapDataArray(Array.from(g.rows)).groupIn(key, comparator) }; });
    }
    return this.groupBy(key, comparator);
  }
  distinct(key, comparator) {
    if (this.values.length === 0) return wrapDataArray(this.values);
    var compare = comparator || compareValue;
    var keyOf = key || function (value) { return value; };
    var values = this.values;
    var keyed = wrapDataArray(values.map(function (value, index) { return { key: keyOf(value, index, values), value: value }; }))
      .sort(function (e) { return e.key; }, 'asc', comparator).values;
    var result = [keyed[0].value];
    for (var i = 1; i < keyed.length; i++) if (compare(keyed[i - 1].key, keyed[i].key) !== 0) result.push(keyed[i].value);
    return this.lwrap(result);
  }
  every(f) { return this.values.every(f); }
  some(f) { return this.values.some(f); }
  none(f) { return this.values.every(function (v, i, a) { return !f(v, i, a); }); }
  first() { return this.values.length > 0 ? this.values[0] : undefined; }
  last() { return this.values.length > 0 ? this.values[this.values.length - 1] : undefined; }
  to(key) {
    var result = [];
    for (var child of this.values) {
      var value = child === null || child === undefined ? undefined : child[key];
      if (value === undefined || value === null) continue;
      if (Array.isArray(value)) value.forEach(function (v) { result.push(v); });
      else result.push(value);
    }
    return this.lwrap(result);
  }
  into(key) {
    var result = [];
    for (var child of this.values) {
      var value = child === null || child === undefined ? undefined : child[key];
      if (value !== undefined && value !== null) result.push(value);
    }
    return this.lwrap(result);
  }
  expand(key) {
    var result = [];
    var queue = this.values.slice();
    while (queue.length > 0) {
      var next = queue.pop();
      var value = next[key];
      if (value === undefined || value === null) continue;
      if (Array.isArray(value)) value.forEach(function (v) { queue.push(v); });
      else queue.push(value);
      result.push(next);
    }
    return this.lwrap(result);
  }
  forEach(f) { for (var i = 0; i < this.values.length; i++) f(this.values[i], i, this.values); }
  sum() { return this.values.reduce(function (a, b) { return a + b; }, 0); }
  avg() { return this.sum() / this.values.length; }
  min() { return Math.min.apply(Math, this.values); }
  max() { return Math.max.apply(Math, this.values); }
  array() { return this.values.slice(); }
  [Symbol.iterator]() { return this.values[Symbol.iterator](); }
  toString() { return '[' + this.values.join(', ') + ']'; }
}

function isOrderedNumber(value) { return typeof value === 'number' && value === value; }

/** Indices of the keys in sorted order; ties keep their order (Array.prototype.sort is stable, as in V8). */
function comparedOrder(keys, compare, descending) {
  var sign = descending ? -1 : 1;
  return keys.map(function (_, index) { return index; }).sort(function (a, b) { return sign * compare(keys[a], keys[b]); });
}

/**
 * comparedOrder for numbers (no NaN) under compareValue, without a call per comparison: the keys are sorted natively,
 * then each index takes the next free slot of its key's run (-0 and 0 share one, as compareValue finds them equal).
 */
function numericOrder(keys, descending) {
  var count = keys.length;
  var sorted = new Float64Array(keys).sort();
  var nextSlot = new Map();
  for (var i = 0; i < count; i++) {
    var at = descending ? count - 1 - i : i;
    var previous = descending ? at + 1 : at - 1;
    if (i === 0 || sorted[at] !== sorted[previous]) nextSlot.set(sorted[at], i);
  }
  var order = new Array(count);
  for (var index = 0; index < count; index++) {
    var slot = nextSlot.get(keys[index]);
    nextSlot.set(keys[index], slot + 1);
    order[slot] = index;
  }
  return order;
}

var DATA_ARRAY_PROXY = {
  get: function (target, prop) {
    if (typeof prop === 'symbol') return target[prop];
    if (prop === 'constructor') return target.values.constructor;
    if (!isNaN(parseInt(prop))) return target.values[parseInt(prop)];
    if (DATA_ARRAY_MEMBERS.has(prop)) return target[prop];
    return target.to(prop);
  }
};

function wrapDataArray(values) { return new Proxy(new DataArrayImpl(values), DATA_ARRAY_PROXY); }
function isDataArray(value) { return value instanceof DataArrayImpl; }
function toDataArray(raw) {
  if (isDataArray(raw)) return raw;
  if (Array.isArray(raw)) return wrapDataArray(raw);
  return wrapDataArray([raw]);
}

// Dataview patches Array.isArray so that data arrays count as arrays; scripts rely on it.
var plainIsArray = Array.isArray;
Array.isArray = function (value) { return plainIsArray(value) || isDataArray(value); };
`;
