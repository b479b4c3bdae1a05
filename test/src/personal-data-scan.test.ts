import { composeCitizenId } from '@rg/person-key';
import { startStackHarness, type StackHarness } from './stack-harness';

/**
 * No raw citizen ID leaves its department: the suite's reads and writes, run with the most
 * privileged role, and every line each service logged, hold no 18-character citizen ID.
 */
let h: StackHarness;
beforeAll(async () => {
  h = await startStackHarness({ env: { LOG_LEVEL: 'debug' } });
}, 180_000);
afterAll(() => h?.stop());

const CITIZEN_ID = /\b\d{17}[\dXx]\b/g;

const READS = [
  `{ trainees(first: 300) { edges { node { id personKey name phone citizenIdMasked gender birthYear regionCode category stage
      enrolments { certificateNo course { name institution { name } } } loans { amountYuan bank } followUps { helpGiven mentor { name } }
      ventures { name park { name } stories { title protagonistName } }
      povertyHousehold { householdNo perCapitaIncomeYuan registeredMembers { name personKey } members { id name } }
      womenSupport { name personKey supportType } stories { title protagonistName } awards { recipientName } } } } }`,
  `{ poorHouseholds(first: 300) { edges { node { householdNo memberPersonKeys registeredMembers { name personKey birthYear } members { name citizenIdMasked } } } } }`,
  `{ womenSupportCases(first: 300) { edges { node { name personKey regionCode supportType } } } }`,
  `{ successStories(first: 300, filter: { includeDrafts: true }) { edges { node { title summary protagonistName protagonist { name citizenIdMasked } venture { name } } } } }`,
  `{ awards(first: 300) { edges { node { recipientName recipient { name phone } } } } }`,
  `{ incubatorParks(first: 100) { edges { node { name residents { name founder { name citizenIdMasked } } } } } }`,
  `{ scorecard(regionCode: "320000", year: 2019) { trained { value } poorTraineeShare { value } poorWomenSupportedShare { value } } }`,
  `{ region(code: "320300") { name traineeCount poorHouseholdCount womenSupportCaseCount } }`,
];

const WRITES: Array<[string, Record<string, unknown>]> = [
  ['mutation($i: RegisterTraineeInput!) { registerTrainee(input: $i) { id personKey citizenIdMasked name } }',
    { i: { citizenId: composeCitizenId('320321', '1992-04-05', 217), name: '周梅', category: 'MIGRANT_WORKER', stage: 'AWARENESS', phone: '13800001111' } }],
  ['mutation($i: RegisterTraineeInput!) { registerTrainee(input: $i) { id } }',
    { i: { citizenId: composeCitizenId('320321', '1992-04-05', 217), name: '重复', category: 'VETERAN', stage: 'STARTUP' } }],
  ['mutation($i: RegisterTraineeInput!) { registerTrainee(input: $i) { id } }',
    { i: { citizenId: '320321199204052171', name: '错号', category: 'VETERAN', stage: 'STARTUP' } }],
  ['mutation($i: OpenSupportCaseInput!) { openSupportCase(input: $i) { id personKey name } }',
    { i: { citizenId: composeCitizenId('320382', '1988-09-09', 46), name: '陈芳', supportType: 'MENTORING', poorPriority: true } }],
  ['mutation($i: OpenSupportCaseInput!) { openSupportCase(input: $i) { id } }',
    { i: { citizenId: composeCitizenId('320382', '1988-09-09', 47), name: '男', supportType: 'MENTORING' } }],
  ['mutation($i: RegisterHouseholdInput!) { registerHousehold(input: $i) { id householdNo registeredMembers { name personKey } } }',
    { i: { regionCode: '320321', cause: 'ILLNESS', registeredYear: 2019, perCapitaIncomeYuan: 3000,
      head: { citizenId: composeCitizenId('320321', '1970-01-02', 13), name: '刘强' } } }],
];

describe('no raw citizen ID in any answer or log line', () => {
  it('finds none after the suite reads and writes as admin', async () => {
    const answers: string[] = [];
    for (const query of READS) {
      const response = await h.query(query, undefined, 'admin');
      expect(response.data).toBeTruthy();
      answers.push(JSON.stringify(response));
    }
    for (const [mutation, variables] of WRITES) answers.push(JSON.stringify(await h.query(mutation, variables, 'admin')));

    const rawIds = new Set([
      ...h.world.hr.trainees.map((t) => t.citizenId), ...h.world.poverty.members.map((m) => m.citizenId),
      ...h.world.womensFederation.cases.map((c) => c.citizenId), ...WRITES.map(([, v]) => JSON.stringify(v).match(CITIZEN_ID)?.[0]),
    ]);
    const logs = [...h.stack.services.values()].flatMap((service) => service.output);
    expect(logs.length).toBeGreaterThan(READS.length); // the services did log these requests
    const hits = [...answers, ...logs].flatMap((text) => text.match(CITIZEN_ID) ?? []);
    expect(hits).toEqual([]);
    const leaked = [...answers, ...logs].filter((text) => [...rawIds].some((id) => id && text.includes(id)));
    expect(leaked).toEqual([]);
    // and the answers did carry personal data the admin may see, masked where it is an ID
    expect(answers[0]).toMatch(/"citizenIdMasked":"\d{3}\*{11}\d{3}\*"/);
  });
});
