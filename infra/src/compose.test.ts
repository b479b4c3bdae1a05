import { DEPARTMENTS } from '@rg/departments';
import { readFileSync } from 'node:fs';
import { Kind, parse, print, GraphQLObjectType, GraphQLInputObjectType, type GraphQLSchema } from 'graphql';
import { composeSupergraph } from './compose';
import { apiSchemaOf } from './schema-check';
import { SUPERGRAPH_FILE } from './schema-files';

/**
 * The type and field names are promises to front-end teams: the committed supergraph (which
 * committed-schemas.test.ts holds equal to the code's) must keep every one.
 */
let api: GraphQLSchema;
let supergraphSdl: string;
beforeAll(() => {
  supergraphSdl = readFileSync(SUPERGRAPH_FILE, 'utf8');
  api = apiSchemaOf(supergraphSdl);
});

/** Each type's @join__type(graph, key) pairs, read from the supergraph's AST. */
function keysOf(type: string): string[] {
  const definition = parse(supergraphSdl).definitions.find((d) => d.kind === Kind.OBJECT_TYPE_DEFINITION && d.name.value === type);
  if (!definition || definition.kind !== Kind.OBJECT_TYPE_DEFINITION) throw new Error(`no type ${type} in the supergraph`);
  return (definition.directives ?? []).filter((d) => d.name.value === 'join__type').map((d) => {
    const arg = (name: string) => d.arguments?.find((a) => a.name.value === name);
    const key = arg('key');
    return `${print(arg('graph')!.value)} ${key ? print(key.value) : '(no key)'}`;
  });
}

const fieldsOf = (type: string) => Object.keys((api.getType(type) as GraphQLObjectType).getFields());

describe('the composed supergraph keeps the contract', () => {
  it('composes every department of the manifest without errors', async () => {
    const result = await composeSupergraph({});
    expect(result.errors).toEqual([]);
    for (const name of DEPARTMENTS) {
      expect(supergraphSdl).toContain(`name: "${name}"`);
    }
  });

  it('keeps the entity keys', () => {
    expect(keysOf('Trainee')).toEqual(expect.arrayContaining(['HR "id"', 'HR "personKey"']));
    for (const [type, owner, key] of [['Venture', 'HR', 'id'], ['IncubatorPark', 'AGRICULTURE', 'id'], ['PoorHousehold', 'POVERTY', 'id'],
      ['SuccessStory', 'YOUTH_LEAGUE', 'id'], ['WomenSupportCase', 'WOMENS_FEDERATION', 'id']]) {
      expect(keysOf(type)).toContain(`${owner} "${key}"`);
    }
    for (const [type, key] of [['Region', 'code'], ['Scorecard', 'regionCode year']]) {
      expect(keysOf(type).sort()).toEqual(DEPARTMENTS.map((d) => `${d.toUpperCase().replace(/-/g, '_')} "${key}"`).sort());
    }
  });

  it('keeps the cross-department fields', () => {
    expect(fieldsOf('Trainee')).toEqual(expect.arrayContaining(['ventures', 'povertyHousehold', 'stories', 'womenSupport', 'personKey', 'citizenIdMasked']));
    expect(fieldsOf('Venture')).toEqual(expect.arrayContaining(['founder', 'park']));
    expect(String((api.getType('Venture') as GraphQLObjectType).getFields().founder.type)).toBe('Trainee!');
    expect(String((api.getType('IncubatorPark') as GraphQLObjectType).getFields().residents.type)).toBe('[Venture!]!');
    expect(String((api.getType('PoorHousehold') as GraphQLObjectType).getFields().members.type)).toBe('[Trainee!]!');
  });

  it('keeps the root fields and connections', () => {
    expect(fieldsOf('Query')).toEqual(expect.arrayContaining(['trainee', 'trainees', 'venture', 'incubatorParks', 'incubatorPark',
      'poorHouseholds', 'successStories', 'womenSupportCases', 'region', 'scorecard']));
    for (const connection of ['TraineeConnection', 'IncubatorParkConnection', 'PoorHouseholdConnection', 'SuccessStoryConnection', 'WomenSupportCaseConnection']) {
      expect(fieldsOf(connection)).toEqual(['edges', 'pageInfo', 'totalCount']);
    }
    expect(fieldsOf('PageInfo')).toEqual(['hasNextPage', 'endCursor']);
  });

  it('keeps every scorecard indicator as Indicator { value target met }, with its disclosure (suppressed, note)', () => {
    expect(fieldsOf('Scorecard')).toEqual(expect.arrayContaining(['trained', 'passRate', 'openingRate6m', 'jobsPerVenture',
      'survivalRate1y', 'loansIssuedYuan', 'newParks', 'poorTraineeShare', 'poorWomenTrainees']));
    expect(fieldsOf('Indicator')).toEqual(['value', 'target', 'targetSource', 'met', 'suppressed', 'note']);
    expect(fieldsOf('Scorecard')).not.toContain('traineeKeySet'); // @inaccessible plumbing stays out of the API
  });

  it("keeps Region's figures and says per figure which are withheld (RegionDisclosure, one part per department)", () => {
    expect(fieldsOf('Region')).toEqual(expect.arrayContaining(['traineeCount', 'loansIssuedYuan', 'poorHouseholdCount',
      'womenSupportCaseCount', 'storyCount', 'parkCount', 'disclosure']));
    expect(fieldsOf('RegionDisclosure').sort()).toEqual(['exitedHouseholdCount', 'loansIssuedYuan', 'openWomenSupportCaseCount',
      'poorHouseholdCount', 'poorPopulation', 'traineeCount', 'womenSupportCaseCount']);
    expect(fieldsOf('FigureDisclosure')).toEqual(['suppressed', 'note']);
  });

  it('keeps registerTrainee and never exposes a raw citizen ID in an output type', () => {
    const input = api.getType('RegisterTraineeInput') as GraphQLInputObjectType;
    expect(Object.keys(input.getFields())).toEqual(expect.arrayContaining(['citizenId', 'name', 'category', 'stage']));
    for (const type of Object.values(api.getTypeMap())) {
      if (type instanceof GraphQLObjectType) expect(Object.keys(type.getFields())).not.toContain('citizenId');
    }
  });
});
