// eval-recognizers.js — runs Microsoft Recognizers-Text on the lines tools/eval
// gives it (JSON on stdin: {culture, lines: [[line, text], ...]}) and prints
// its facts in wirecheck's schema (JSON on stdout: [{line, kind, value, unit,
// text}]), so that both are scored against the same labels.
//
// Mapping: numbers → number; percentages → number, unit percent; ordinals in
// digits, and in words from "third" on → number, unit ordinal; currencies →
// money (ISO code); dimensions → measure, the value converted into the SI unit
// of its dimension (m, m2, m3, kg, m/s, W, J) as wirecheck writes it;
// temperatures → measure in °C (a degree of no scale keeps '°'); ages and
// datetimeV2 durations → duration; datetimeV2 times → time (HH:MM, no zone:
// Recognizers gives none); URLs, e-mails, mentions, hashtags → code; dates →
// weekday, month (with day and year as written) and relative dates, the latter
// found by comparing the resolved date with the reference date (the story's,
// 14 May 2018).  A bare "one" / "un(e)" / "uno/una" / "um/uma" of value 1 is
// dropped, as the labels do.
'use strict';
const R = require('@microsoft/recognizers-text-suite');

const REF = new Date(Date.UTC(2018, 4, 14));
const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august',
  'september', 'october', 'november', 'december'];
const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];
const NAMES = {
  'en-us': {
    months: MONTHS,
    weekdays: WEEKDAYS,
  },
  'es-es': {
    months: ['enero', 'febrero', 'marzo', 'abril', 'mayo', 'junio', 'julio', 'agosto',
      'septiembre', 'octubre', 'noviembre', 'diciembre'],
    weekdays: ['lunes', 'martes', 'miércoles', 'jueves', 'viernes', 'sábado', 'domingo'],
  },
  'fr-fr': {
    months: ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août',
      'septembre', 'octobre', 'novembre', 'décembre'],
    weekdays: ['lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi', 'dimanche'],
  },
  'pt-br': {
    months: ['janeiro', 'fevereiro', 'março', 'abril', 'maio', 'junho', 'julho', 'agosto',
      'setembro', 'outubro', 'novembro', 'dezembro'],
    weekdays: ['segunda', 'terça', 'quarta', 'quinta', 'sexta', 'sábado', 'domingo'],
  },
};
const CURRENCY = [
  [/d[oó]lar|dollar/i, 'USD'], [/euro/i, 'EUR'], [/pound|libra|livre|sterling/i, 'GBP'],
  [/yuan|renminbi/i, 'CNY'], [/yen|iene/i, 'JPY'], [/swiss|suizo|suisse|suíço/i, 'CHF'],
  [/real|reais/i, 'BRL'], [/ruble|rublo|rouble/i, 'RUB'], [/krona|krone|corona|couronne|coroa/i, 'SEK'],
];
// Recognizers' unit names (localized: 'Kilomètre par heure', 'Quilômetro',
// 'Square hectometer'), accents stripped and lower-cased → SI unit and factor.
// Tried in order: the compound units before their parts.
const SQ = '(square|carre|cuadrad|quadrad)';
const DIMENSIONS = [
  [/(kilo|quilo)met\w* (per|par|por) (hour|heure|hora)|km\/h/, 'm/s', 1 / 3.6],
  [/(mile|milla|milha)\w* (per|par|por) (hour|heure|hora)|mph/, 'm/s', 0.44704],
  [/met\w* (per|par|por) (second|seconde|segundo)/, 'm/s', 1],
  [/(knot|noeud|nudo|no)s?$/, 'm/s', 0.514444],
  [new RegExp(SQ + '.*(kilo|quilo)met|(kilo|quilo)met\\w* ' + SQ), 'm2', 1e6],
  [new RegExp(SQ + '.*hectomet|hectare|hectarea'), 'm2', 1e4],
  [new RegExp(SQ + '.*(mile|milla|milha)|(mile|milla|milha)\\w* ' + SQ), 'm2', 2589988.11],
  [new RegExp(SQ + '.*(foot|feet)'), 'm2', 0.09290304],
  [/acre/, 'm2', 4046.8564224],
  [new RegExp(SQ + '.*met|met\\w* ' + SQ), 'm2', 1],
  [/cubic.*met|met\w* cub/, 'm3', 1],
  [/millilit|mililit/, 'm3', 1e-6],
  [/hectolit/, 'm3', 0.1],
  [/lit(er|re|ro)/, 'm3', 1e-3],
  [/gallon|galon|galao/, 'm3', 0.00378541],
  [/barrel|baril|barril/, 'm3', 0.158987],
  [/(kilo|quilo)met/, 'm', 1000],
  [/centimet/, 'm', 0.01],
  [/millimet|milimet/, 'm', 0.001],
  [/^(met(er|re|ro)s?|m)$/, 'm', 1],
  [/mile|milla|milha/, 'm', 1609.344],
  [/^(foot|feet|pied|pie|pe)s?$/, 'm', 0.3048],
  [/^(inch|pouce|pulgada|polegada)/, 'm', 0.0254],
  [/yard|yarda/, 'm', 0.9144],
  [/(kilo|quilo)gram/, 'kg', 1],
  [/milligram|miligram/, 'kg', 1e-6],
  [/^gram/, 'kg', 1e-3],
  [/^(ton|tonne|tonelada|metric ton)/, 'kg', 1000],
  [/^(pound|livre|libra)/, 'kg', 0.45359237],
  [/^(ounce|once|onza|onca)/, 'kg', 0.0283495],
  [/gigawatt|gigavat/, 'W', 1e9], [/megawatt|megavat/, 'W', 1e6],
  [/kilowatt hour|kilowattheure|kilovatio hora|quilowatt hora/, 'J', 3.6e6],
  [/kilowatt|kilovat|quilowatt/, 'W', 1e3], [/^(watt|vatio)/, 'W', 1],
  [/horsepower|cheval|caballo|cavalo/, 'W', 745.7],
  [/kilojoule|quilojoule/, 'J', 1e3], [/^joule/, 'J', 1],
];
const AGE_UNITS = [[/^(year|ano|ans|annee|anos)/, 'year'], [/^(month|mes|mois)/, 'month'],
  [/^(week|semana|semaine)/, 'week'], [/^(day|dia|jour)/, 'day']];

function fold(s) {
  return (s || '').normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
}

// The decimal string of V at six significant digits, as wirecheck writes a
// converted value (trailing zeros trimmed).
function si(v) {
  return String(parseFloat(v.toPrecision(6)));
}

// A resolution's value as a finite number, or null (Recognizers leaves it
// empty for "une centaine de kilomètres" and gives null for some durations).
function valueOf(res) {
  const v = res ? parseFloat(res.value) : NaN;
  return Number.isFinite(v) ? v : null;
}

function measureOf(res) {
  if (valueOf(res) === null) return null;
  const u = fold(res.unit);
  for (const [re, unit, f] of DIMENSIONS)
    if (re.test(u)) return { kind: 'measure', value: si(parseFloat(res.value) * f), unit };
  return null;
}

function temperatureOf(res) {
  const v = valueOf(res);
  if (v === null) return null;
  const u = fold(res.unit);
  if (u === 'c' || /celsius|centigrad/.test(u)) return { kind: 'measure', value: si(v), unit: '°C' };
  if (u === 'f' || /fahrenheit/.test(u)) return { kind: 'measure', value: si((v - 32) * 5 / 9), unit: '°C' };
  if (u === 'k' || /kelvin/.test(u)) return { kind: 'measure', value: si(v - 273.15), unit: '°C' };
  return { kind: 'measure', value: si(v), unit: '°' };
}

function ageOf(res) {
  if (valueOf(res) === null) return null;
  const u = fold(res.unit);
  for (const [re, unit] of AGE_UNITS) if (re.test(u)) return { kind: 'duration', value: res.value, unit };
  return null;
}

const BARE_ONE = /^(one|a|an|un|une|uno|una|um|uma)$/i;

function isoCurrency(res) {
  if (res.isoCurrency) return res.isoCurrency;
  for (const [re, iso] of CURRENCY) if (re.test(res.unit || '')) return iso;
  return res.unit || '';
}

function findName(list, text) {
  const t = text.toLowerCase();
  for (let i = 0; i < list.length; i++)
    if (new RegExp('(^|[^\\p{L}])' + list[i], 'u').test(t)) return i;
  return -1;
}

function isoWeek(d) {
  const t = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
  const day = t.getUTCDay() || 7;
  t.setUTCDate(t.getUTCDate() + 4 - day);
  const y0 = new Date(Date.UTC(t.getUTCFullYear(), 0, 1));
  return [t.getUTCFullYear(), Math.ceil(((t - y0) / 86400000 + 1) / 7)];
}

function relative(kind, delta) {
  if (delta === 0) return 'this-' + kind;
  if (delta === -1) return 'last-' + kind;
  if (delta === 1) return 'next-' + kind;
  return null;
}

const DURATION_UNITS = { Y: 'year', M: 'month', W: 'week', D: 'day' };
const TIME_UNITS = { H: 'hour', M: 'minute' };

function dateFacts(r, names) {
  const out = [];
  const v = (r.resolution && r.resolution.values && r.resolution.values[0]) || {};
  const timex = v.timex || '';
  const text = r.text;
  if (r.typeName === 'datetimeV2.time') {
    const m = /^T(\d\d)(?::(\d\d))?$/.exec(timex);
    if (m) out.push({ kind: 'time', value: m[1] + ':' + (m[2] || '00'), unit: '' });
    return out;
  }
  if (r.typeName === 'datetimeV2.duration') {
    const m = /^P(T?)([\d.]+)([YMWDHS])$/.exec(timex);
    if (m) {
      const unit = m[1] ? TIME_UNITS[m[3]] : DURATION_UNITS[m[3]];
      if (unit) out.push({ kind: 'duration', value: m[2], unit });
    }
    return out;
  }
  if (r.typeName !== 'datetimeV2.date' && r.typeName !== 'datetimeV2.daterange') return out;
  const wd = findName(names.weekdays, text);
  const wds = names.weekdays.map((w, i) => i).filter((i) => findName([names.weekdays[i]], text) === 0);
  const mo = findName(names.months, text);
  const year = /\b(\d{4})\b/.exec(text);
  for (const i of wds) out.push({ kind: 'date', value: WEEKDAYS[i], unit: 'weekday' });
  let m;
  if (mo >= 0) {
    const day = /(^|\D)(\d{1,2})(\D|$)/.exec(text.replace(/\d{4}/g, ''));
    let value = MONTHS[mo];
    if (day) value += ' ' + parseInt(day[2], 10);
    if (year) value += ' ' + year[1];
    out.push({ kind: 'date', value, unit: 'month' });
    if (!year && (m = /^(\d{4})-\d\d/.exec(timex))) {
      const rel = relative('year', parseInt(m[1], 10) - REF.getUTCFullYear());
      if (rel && rel !== 'this-year') out.push({ kind: 'date', value: rel, unit: 'relative' });
    }
    return out;
  }
  if (wd >= 0) return out;
  if ((m = /^(\d{4})-W(\d\d)$/.exec(timex))) {
    const [ry, rw] = isoWeek(REF);
    const rel = relative('week', (parseInt(m[1], 10) - ry) * 52 + parseInt(m[2], 10) - rw);
    if (rel) out.push({ kind: 'date', value: rel, unit: 'relative' });
  } else if ((m = /^(\d{4})-(\d\d)$/.exec(timex))) {
    const d = (parseInt(m[1], 10) - REF.getUTCFullYear()) * 12 + parseInt(m[2], 10) - 1 - REF.getUTCMonth();
    const rel = relative('month', d);
    if (rel) out.push({ kind: 'date', value: rel, unit: 'relative' });
  } else if ((m = /^(\d{4})$/.exec(timex)) && !year) {
    const rel = relative('year', parseInt(m[1], 10) - REF.getUTCFullYear());
    if (rel) out.push({ kind: 'date', value: rel, unit: 'relative' });
  } else if ((m = /^(\d{4})-(\d\d)-(\d\d)$/.exec(timex))) {
    const d = Math.round((Date.UTC(+m[1], +m[2] - 1, +m[3]) - REF) / 86400000);
    const rel = d === 0 ? 'today' : d === -1 ? 'yesterday' : d === 1 ? 'tomorrow' : null;
    if (rel) out.push({ kind: 'date', value: rel, unit: 'relative' });
  }
  return out;
}

function recognize(text, culture) {
  const names = NAMES[culture];
  const results = []; // {start, end, text, facts}, in order of preference for equal spans
  const add = (r, facts) => { if (facts.length) results.push({ start: r.start, end: r.end, text: r.text, facts }); };
  for (const r of R.recognizeDateTime(text, culture, undefined, REF)) add(r, dateFacts(r, names));
  for (const r of R.recognizeCurrency(text, culture))
    add(r, [{ kind: 'money', value: r.resolution.value, unit: isoCurrency(r.resolution) }]);
  const one = (f) => (f ? [f] : []);
  for (const r of R.recognizeAge(text, culture)) add(r, one(ageOf(r.resolution)));
  for (const r of R.recognizeTemperature(text, culture)) add(r, one(temperatureOf(r.resolution)));
  for (const r of R.recognizeDimension(text, culture)) add(r, one(measureOf(r.resolution)));
  for (const r of R.recognizePercentage(text, culture))
    add(r, [{ kind: 'number', value: String(r.resolution.value).replace(/\s*%$/, ''), unit: 'percent' }]);
  for (const r of R.recognizeOrdinal(text, culture)) {
    // "first" and "second" in words are not labelled (tests/eval/README.md);
    // a relative ordinal ("last", "next", "último": value 0 or an offset) is no count.
    if (!/^[1-9]\d*$/.test(r.resolution.value) || r.resolution.relativeTo) continue;
    if (/^[12]$/.test(r.resolution.value) && !/\d/.test(r.text)) continue;
    add(r, [{ kind: 'number', value: r.resolution.value, unit: 'ordinal' }]);
  }
  for (const [f, unit] of [['recognizeURL', 'url'], ['recognizeEmail', 'email'],
    ['recognizeMention', 'handle'], ['recognizeHashtag', 'hashtag']])
    for (const r of R[f](text, culture))
      add(r, [{ kind: 'code', value: unit === 'url' ? r.text : fold(r.text), unit }]);
  for (const r of R.recognizeNumber(text, culture)) {
    if (r.resolution.value === '1' && BARE_ONE.test(r.text.trim())) continue;
    add(r, [{ kind: 'number', value: r.resolution.value }]);
  }
  // Wider results first (stable: dates, money, ages, temperatures, dimensions,
  // percentages, ordinals, codes, numbers); a result
  // that overlaps one already kept is dropped, as wirecheck resolves overlaps.
  const order = results.map((r, i) => [r, i]);
  order.sort((a, b) => ((b[0].end - b[0].start) - (a[0].end - a[0].start)) || (a[1] - b[1]));
  const kept = [];
  for (const [r] of order)
    if (!kept.some((k) => r.start <= k.end && k.start <= r.end)) kept.push(r);
  const out = [];
  for (const r of kept) for (const f of r.facts) out.push(Object.assign({ text: r.text }, f));
  return out;
}

let input = '';
process.stdin.on('data', (c) => { input += c; });
process.stdin.on('end', () => {
  const req = JSON.parse(input);
  const out = [];
  for (const [line, text] of req.lines) {
    if (!text.trim()) continue;
    for (const f of recognize(text, req.culture))
      out.push({ line, kind: f.kind, value: String(f.value), unit: f.unit || '', text: f.text });
  }
  process.stdout.write(JSON.stringify(out));
});
