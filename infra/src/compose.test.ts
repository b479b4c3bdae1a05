import { Supergraph } from '@apollo/federation-internals';
import { GraphQLObjectType, GraphQLInputObjectType, type GraphQLSchema } from 'graphql';
import { composeSupergraph } from './compose';

/** The API's type and field names are promises to front-end teams: the composed API must keep every one. */
let api: GraphQLSchema;
let supergraphSdl: string;
beforeAll(async () => {
  const result = await composeSupergraph();
  expect(result.errors).toEqual([]);
  supergraphSdl = result.supergraphSdl!;
  api = Supergraph.build(supergraphSdl).apiSchema().toGraphQLJSSchema();
});

const fieldsOf = (type: string) => Object.keys((api.getType(type) as GraphQLObjectType).getFields());

describe('the composed supergraph keeps the contract', () => {
  it('composes the five departments without errors', () => {
    for (const name of ['hr', 'agriculture', 'poverty', 'youth-league', 'womens-federation']) {
      expect(supergraphSdl).toContain(`name: "${name}"`);
    }
  });

  it('keeps the entity keys', () => {
    expect(supergraphSdl).toMatch(/type Trainee[^{]*@join__type\(graph: HR, key: "id"\)[^{]*@join__type\(graph: HR, key: "personKey"\)/);
    for (const [type, key] of [['Venture', 'id'], ['IncubatorPark', 'id'], ['PoorHousehold', 'id'], ['SuccessStory', 'id'],
      ['WomenSupportCase', 'id'], ['Region', 'code'], ['Scorecard', 'regionCode year']]) {
      expect(supergraphSdl).toMatch(new RegExp(`type ${type}[^{]*key: "${key}"`));
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

  it('keeps every scorecard indicator as Indicator { value target met }', () => {
    expect(fieldsOf('Scorecard')).toEqual(expect.arrayContaining(['trained', 'passRate', 'openingRate6m', 'jobsPerVenture',
      'survivalRate1y', 'loansIssuedYuan', 'newParks', 'poorTraineeShare', 'poorWomenTrainees']));
    expect(fieldsOf('Indicator')).toEqual(['value', 'target', 'met']);
    expect(fieldsOf('Scorecard')).not.toContain('traineeKeySet'); // @inaccessible plumbing stays out of the API
  });

  it('keeps registerTrainee and never exposes a raw citizen ID in an output type', () => {
    const input = api.getType('RegisterTraineeInput') as GraphQLInputObjectType;
    expect(Object.keys(input.getFields())).toEqual(expect.arrayContaining(['citizenId', 'name', 'category', 'stage']));
    for (const type of Object.values(api.getTypeMap())) {
      if (type instanceof GraphQLObjectType) expect(Object.keys(type.getFields())).not.toContain('citizenId');
    }
  });
});
