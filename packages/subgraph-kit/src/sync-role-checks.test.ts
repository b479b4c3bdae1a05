import 'reflect-metadata';
import { execute, parse, type GraphQLSchema } from 'graphql';
import { Authorized, Ctx, Directive, Field, FieldResolver, ID, ObjectType, Query, Resolver, Root, UseMiddleware } from 'type-graphql';
import type { Role, Viewer } from '@rg/access';
import { AuditRecorder } from '@rg/audit';
import { buildDepartmentSchema } from './federation-schema';

/**
 * A record type with a rule on the whole class and a stricter one on a field, as the
 * departments' person records have: plain fields answer synchronously, every rule still holds,
 * a refusal is FORBIDDEN on that field alone, and the audit still notes each record read.
 */
@ObjectType('SyncCheckedPerson')
@Authorized()
@Directive('@key(fields: "id")')
class Person {
  @Field(() => ID)
  id: number;

  @Field()
  region: string;

  @Field(() => String, { nullable: true })
  @Authorized(['hr', 'admin'])
  name: string;

  @Field(() => String, { nullable: true })
  @UseMiddleware(async (_data, next) => `(${await next()})`)
  motto: string;

  @Field(() => String)
  get label(): string {
    return `${this.region}-${this.id}`;
  }
}

@Resolver(() => Person)
class PersonResolver {
  @Query(() => [Person])
  people(): Person[] {
    return [1, 2].map((id) => Object.assign(new Person(), { id, region: '320102', name: `name ${id}`, motto: 'steady' }));
  }

  @FieldResolver(() => String)
  greeting(@Root() person: Person): string {
    return `hello ${person.id}`;
  }

  @Authorized(['admin'])
  @Query(() => String)
  whoami(@Ctx() ctx: { viewer: Viewer }): string {
    return ctx.viewer.subject;
  }
}

let schema: GraphQLSchema;

beforeAll(async () => {
  schema = await buildDepartmentSchema({ resolvers: [PersonResolver], auditedTypes: { SyncCheckedPerson: 'id' } });
});

function run(role: Role, query: string) {
  const viewer: Viewer = { subject: `${role}-1`, role, scopes: [] };
  const audit = new AuditRecorder('hr', viewer, null, new Set(['SyncCheckedPerson']));
  const result = execute({ schema, document: parse(query), contextValue: { viewer, audit } });
  return { result, audit };
}

describe('plain fields under a role rule', () => {
  it('answer synchronously for the roles allowed; getters and field resolvers answer as before', async () => {
    const { result, audit } = run('hr', '{ people { id region name } }');
    // Only plain fields: the whole answer without a promise in it.
    expect(result).not.toBeInstanceOf(Promise);
    expect(result).toEqual({ data: { people: [
      { id: '1', region: '320102', name: 'name 1' }, { id: '2', region: '320102', name: 'name 2' },
    ] } });
    expect(audit.personalRecordsRead).toBe(true);
    // A getter and a field resolver stay type-graphql's (asynchronous), with the same answer.
    expect(await run('hr', '{ people { id label greeting } }').result).toEqual({ data: { people: [
      { id: '1', label: '320102-1', greeting: 'hello 1' }, { id: '2', label: '320102-2', greeting: 'hello 2' },
    ] } });
  });

  it('refuse a stricter field to other roles, FORBIDDEN on that field alone, and audit the records read', async () => {
    const { result, audit } = run('poverty', '{ people { id name } }');
    const answer = await result;
    expect(answer.data).toEqual({ people: [{ id: '1', name: null }, { id: '2', name: null }] });
    expect(answer.errors?.map((error) => [error.path, error.extensions?.code, error.message])).toEqual([
      [['people', 0, 'name'], 'FORBIDDEN', 'SyncCheckedPerson.name is not available to role poverty'],
      [['people', 1, 'name'], 'FORBIDDEN', 'SyncCheckedPerson.name is not available to role poverty'],
    ]);
    expect(audit.answeredReads()).toEqual({ SyncCheckedPerson: ['1', '2'] });
  });

  it('refuse the public every field of the class', async () => {
    const answer = await run('public', '{ people { region } }').result;
    expect(answer.data).toBeNull();
    expect(answer.errors?.[0]).toMatchObject({ path: ['people', 0, 'region'], extensions: { code: 'FORBIDDEN' } });
  });

  it('leave fields with another middleware and root fields to type-graphql, under the same rules', async () => {
    expect(await run('hr', '{ people { motto } }').result).toEqual({ data: { people: [{ motto: '(steady)' }, { motto: '(steady)' }] } });
    expect((await run('admin', '{ whoami }').result).data).toEqual({ whoami: 'admin-1' });
    const refused = await run('hr', '{ whoami }').result;
    expect(refused.errors?.[0]).toMatchObject({ path: ['whoami'], extensions: { code: 'FORBIDDEN' } });
  });
});
