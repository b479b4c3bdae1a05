import { Directive, Field, ObjectType, type ClassType } from 'type-graphql';
import { suppressCount, suppressTotal, type Disclosed, type DisclosurePolicy } from './disclosure';

/**
 * How a `Region` figure is disclosed. A `Region` figure is a plain `Int`/`Float` that front
 * ends already read, so its name and type stay; when it is withheld it is null, and
 * `Region.disclosure.<figure>` says so and why. `RegionDisclosure` is a value type every
 * department with people-counting figures declares with its own fields (@shareable): the
 * gateway asks each department for its part, as it does for the figures themselves.
 */
@ObjectType({ description: 'Whether a figure is withheld to protect privacy, and why' })
@Directive('@shareable')
export class FigureDisclosure {
  @Field(() => Boolean, { description: 'The figure is null because it is withheld (disclosure control)' })
  suppressed: boolean;

  @Field(() => String, { nullable: true, description: 'Why, in words for the reader; null when the figure is given' })
  note: string | null;
}

/** The department's `RegionDisclosure`: one nullable `FigureDisclosure` per figure it controls. */
export function regionDisclosureType<F extends string>(figures: readonly F[]): ClassType<Record<F, Disclosed>> {
  return disclosureType('RegionDisclosure', "Disclosure control of the region's figures, one entry per figure that counts people", figures);
}

/** The department's `MonthlyStatisticDisclosure`, for the figures of a month it controls. */
export function monthlyStatisticDisclosureType<F extends string>(figures: readonly F[]): ClassType<Record<F, Disclosed>> {
  return disclosureType('MonthlyStatisticDisclosure', "Disclosure control of the month's figures, one entry per figure that counts people", figures);
}

/** A @shareable value type, `name`, with one nullable `FigureDisclosure` per figure: each department declares its own fields. */
function disclosureType<F extends string>(name: string, description: string, figures: readonly F[]): ClassType<Record<F, Disclosed>> {
  @ObjectType(name, { description })
  @Directive('@shareable')
  class Disclosure {}
  for (const figure of figures) {
    Field(() => FigureDisclosure, { nullable: true, description: `Whether ${figure} is withheld, and why` })(Disclosure.prototype, figure);
  }
  return Disclosure as ClassType<Record<F, Disclosed>>;
}

/** A figure that counts people (or `unit`: households…), or a total resting on the `totalOf` figure's people. */
export type FigureRule<F> = { count: true; unit?: string } | { totalOf: keyof F };

/** A department's region figures as this caller may see them, by each figure's rule. */
export function discloseFigures<F extends Record<string, number>, K extends keyof F & string>(
  figures: F, rules: Record<K, FigureRule<F>>, policy: DisclosurePolicy,
): Record<K, Disclosed> {
  const result = {} as Record<K, Disclosed>;
  for (const name of Object.keys(rules) as K[]) {
    const rule = rules[name];
    result[name] = 'count' in rule
      ? suppressCount(figures[name], policy, rule.unit)
      : suppressTotal(figures[name], figures[rule.totalOf], policy);
  }
  return result;
}
