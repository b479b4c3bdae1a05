/**
 * Agriculture's records: incubator parks, which ventures reside in them, and the
 * recommended project library. Park and project counts do not grow with the number of
 * trainees: a province has a few dozen parks whatever the size of the demo.
 */
import type { ParkLevel } from './world';
import type { Context, VentureEvent } from './context';
import { DATA_CUTOFF, dayOf, isoOf } from './dates';
import { INDUSTRY_NAMES, INDUSTRY_TABLE, PARK_WORDS, PROJECT_PRODUCTS, PROJECT_TEMPLATES, fill } from './names';

const RESIDENT_SHARE = 0.3;
/** Residents that move out while their business carries on; closing ones always leave. */
const VOLUNTARY_LEAVE_SHARE = 0.03;

interface ParkSlot {
  id: number;
  openedDay: number;
  capacity: number;
  /** Residencies ever granted. Capped at capacity, so occupancy can never exceed it. */
  granted: number;
}

export interface Agriculture {
  onVenture(event: VentureEvent): void;
}

export function buildAgriculture(ctx: Context): Agriculture {
  const { rng, geo, world } = ctx;
  type Draft = { cityIndex: number; countyIndex: number; level: ParkLevel; name: string };
  const drafts: Draft[] = [];
  for (const city of geo.cities) {
    const words = rng.shuffle([...PARK_WORDS]);
    const count = rng.int(1, 3);
    for (let i = 0; i < count; i++) {
      const level = rng.weighted<ParkLevel>([['CITY', 60], ['PROVINCE', 30], ['NATIONAL', 10]]);
      drafts.push({ cityIndex: city.index, countyIndex: rng.pick(city.counties), level, name: city.name + words[i] });
    }
  }
  const countyParks = Math.max(4, rng.int(32, 42) - drafts.length);
  const counties = rng.shuffle(geo.counties.map((c) => c.index)).slice(0, countyParks);
  for (const countyIndex of counties) {
    const county = geo.counties[countyIndex];
    drafts.push({ cityIndex: county.cityIndex, countyIndex, level: 'COUNTY', name: county.name + rng.pick(PARK_WORDS) });
  }

  // About twenty parks open during the plan (the province's target), spread over its five
  // years; the rest predate it.
  const inPlan = Math.min(drafts.length, rng.int(18, 22));
  const order = rng.shuffle(drafts.map((_, i) => i));
  const openedYear: number[] = new Array(drafts.length);
  order.forEach((draftIndex, k) => {
    openedYear[draftIndex] = k < inPlan ? 2016 + Math.floor((k * 5) / inPlan) : rng.int(2012, 2015);
  });

  const parksByCity: ParkSlot[][] = geo.cities.map(() => []);
  drafts.forEach((draft, i) => {
    const year = openedYear[i];
    const openedDay = dayOf(year) + rng.int(0, dayOf(year + 1) - dayOf(year) - 1);
    const capacity = rng.int(20, 200);
    const industries = rng.shuffle([...INDUSTRY_NAMES]).slice(0, rng.int(2, 4));
    world.agriculture.parks.push({
      id: world.agriculture.parks.length + 1, name: draft.name, regionCode: geo.counties[draft.countyIndex].code,
      level: draft.level, kind: 'RETURNEE_PARK', openedOn: isoOf(openedDay), capacity, industries,
    });
    parksByCity[draft.cityIndex].push({ id: world.agriculture.parks.length, openedDay, capacity, granted: 0 });
  });
  plantOtherIncubators(ctx);

  const projects = rng.int(95, 110);
  for (let i = 0; i < projects; i++) {
    const county = geo.counties[rng.int(0, geo.counties.length - 1)];
    world.agriculture.projects.push({
      id: world.agriculture.projects.length + 1,
      title: fill(rng.pick(PROJECT_TEMPLATES), { p: rng.pick(PROJECT_PRODUCTS) }),
      industry: INDUSTRY_TABLE.pick(rng).name, regionCode: county.code,
      investmentYuan: rng.int(20, 300) * 1000, paybackMonths: rng.int(6, 36),
    });
  }

  const candidates: ParkSlot[] = [];
  return {
    onVenture(event) {
      if (!rng.chance(RESIDENT_SHARE)) return;
      candidates.length = 0;
      for (const park of parksByCity[geo.counties[event.countyIndex].cityIndex]) {
        if (park.openedDay <= event.openedDay && park.granted < park.capacity) candidates.push(park);
      }
      if (candidates.length === 0) return;
      const park = rng.pick(candidates);
      park.granted++;
      const lastDay = event.closedDay >= 0 ? event.closedDay : DATA_CUTOFF;
      const enteredDay = event.openedDay + rng.int(0, Math.min(60, lastDay - event.openedDay));
      let leftDay = event.closedDay;
      if (leftDay < 0 && rng.chance(VOLUNTARY_LEAVE_SHARE)) {
        leftDay = enteredDay + rng.int(30, 700);
        if (leftDay > DATA_CUTOFF) leftDay = -1;
      }
      world.agriculture.residencies.push({
        id: world.agriculture.residencies.length + 1, parkId: park.id, ventureId: event.ventureId,
        enteredOn: isoOf(enteredDay), leftOn: leftDay < 0 ? null : isoOf(leftDay),
      });
    },
  };
}

/** Cities that also open a maker space during the plan: every third one. */
export const OTHER_INCUBATOR_CITY_STEP = 3;

/**
 * Incubators that are not returnee parks, opened during the plan, so the new-parks indicator
 * has something to leave out: one maker space (众创空间) in every third city, in a known number
 * and without drawing on the random stream, so every other record stays as it was. They take no
 * residents: the generator houses ventures in returnee parks only.
 */
function plantOtherIncubators(ctx: Context): void {
  const { geo, world } = ctx;
  for (const city of geo.cities) {
    if (city.index % OTHER_INCUBATOR_CITY_STEP !== 0) continue;
    world.agriculture.parks.push({
      id: world.agriculture.parks.length + 1, name: `${city.name}众创空间`, regionCode: geo.counties[city.counties[0]].code,
      level: 'CITY', kind: 'OTHER_INCUBATOR', openedOn: isoOf(dayOf(2017, 6, 1) + city.index), capacity: 30,
      industries: INDUSTRY_NAMES.slice(0, 2),
    });
  }
}
