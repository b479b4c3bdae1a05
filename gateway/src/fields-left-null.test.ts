import { fieldsLeftNull } from './fields-left-null';

describe('fields left null when a department does not answer', () => {
  it('names each root field by its response key', () => {
    expect(fieldsLeftNull('{ womenSupportCases(first: 1) { totalCount } cases: womenSupportCases(first: 2) { totalCount } __typename }'))
      .toEqual([['womenSupportCases'], ['cases']]);
  });

  it('names each entity field per representation, for the representation\'s own type', () => {
    const operation = `query($representations: [_Any!]!) { _entities(representations: $representations) {
      __typename ... on Trainee { stories { id } prizes: awards { id } } ... on Venture { ...VentureStories } } }
      fragment VentureStories on Venture { stories { title } }`;
    const representations = [{ __typename: 'Trainee', id: '1' }, { __typename: 'Venture', id: '9' }, { __typename: 'Trainee', id: '2' }];
    expect(fieldsLeftNull(operation, { representations })).toEqual([
      ['_entities', 0, 'stories'], ['_entities', 0, 'prizes'],
      ['_entities', 1, 'stories'],
      ['_entities', 2, 'stories'], ['_entities', 2, 'prizes'],
    ]);
  });
});
