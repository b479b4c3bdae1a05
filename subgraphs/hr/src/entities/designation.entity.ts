import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Check, Column, Entity, ForeignKey, Index, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { DesignationKind, DesignationLevel, DesignationReviewResult } from './designation-enums';

/**
 * A demonstration designation (001 §6, 002): a model county, a demonstration park or project,
 * an outstanding poverty-relief project, a star enterprise or an entrepreneur star, designated
 * by hr's migrant-worker section (农民工工作科) at city level or recommended higher, and
 * reviewed every December. The subject is a county code, an agriculture park id (a reference
 * hr cannot check), a free project name, or hr's own venture or trainee.
 */
@ObjectType({ description: 'A demonstration designation (示范县, 示范园区, 示范项目, 助力脱贫攻坚优秀项目, 明星企业, 返乡创业明星) and its yearly reviews' })
@Entity('designation')
// Named as the migrations name them, so TypeORM sees the same tables the migrations build.
@Check('designation_kind_check', `(kind = ANY (ARRAY['COUNTY'::text, 'PARK'::text, 'PROJECT'::text, 'POVERTY_RELIEF_PROJECT'::text, 'VENTURE'::text, 'PERSON'::text]))`)
@Check('designation_level_check', `(level = ANY (ARRAY['CITY'::text, 'PROVINCE'::text, 'NATIONAL'::text]))`)
@Check('designation_year_check', `((year >= 2000) AND (year <= 2100))`)
@Check('designation_title_check', `((length(btrim(title)) >= 1) AND (length(btrim(title)) <= 50))`)
@Check('designation_reviewing_body_check', `(btrim(reviewing_body) <> ''::text)`)
@Check('designation_park_id_check', `(park_id > 0)`)
// Each kind names exactly its own subject.
@Check('designation_subject_check', `(((park_id IS NOT NULL) = (kind = 'PARK'::text)) AND ((venture_id IS NOT NULL) = (kind = 'VENTURE'::text)) AND ((trainee_id IS NOT NULL) = (kind = 'PERSON'::text)) AND ((project_name IS NOT NULL) = (kind = ANY (ARRAY['PROJECT'::text, 'POVERTY_RELIEF_PROJECT'::text]))))`)
@ForeignKey('Venture', ['ventureId'], ['id'], { name: 'designation_venture_id_fkey', onDelete: 'NO ACTION', onUpdate: 'NO ACTION' })
@ForeignKey('Trainee', ['traineeId'], ['id'], { name: 'designation_trainee_id_fkey', onDelete: 'NO ACTION', onUpdate: 'NO ACTION' })
// One title a subject a year: an expression index over the subject columns (the migration's), not synchronised.
@Index('designation_subject_title_year_key', { synchronize: false })
@Index('designation_region_year_idx', ['regionCode', 'year'])
@Index('designation_park_idx', ['parkId'])
@Index('designation_venture_idx', ['ventureId'])
@Index('designation_trainee_idx', ['traineeId'])
export class Designation {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id: number;

  @Field(() => DesignationKind)
  @Column({ type: 'text' })
  kind: DesignationKind;

  @Field(() => DesignationLevel)
  @Column({ type: 'text' })
  level: DesignationLevel;

  @Field(() => Int, { description: 'The year designated' })
  @Column({ type: 'smallint' })
  year: number;

  @Field({ description: 'The title as conferred, e.g. 返乡创业示范县, 明星企业' })
  @Column({ type: 'text' })
  title: string;

  @Field({ description: 'The body that reviewed and designated, e.g. a city hr bureau\'s migrant-worker section (农民工工作科)' })
  @Column({ name: 'reviewing_body', type: 'text' })
  reviewingBody: string;

  @Field({ description: 'County-level GB/T 2260 code: the county designated, or where the park, project, enterprise or person is' })
  @Column({ name: 'region_code', type: 'char', length: 6 })
  regionCode: string;

  /** agriculture's park id (PARK); reached through `park`. */
  @Column({ name: 'park_id', type: 'int', nullable: true })
  parkId: number | null;

  /** hr's venture (VENTURE); reached through `venture`. */
  @Column({ name: 'venture_id', type: 'int', nullable: true })
  ventureId: number | null;

  /** hr's trainee (PERSON); reached through `trainee`, as any record about a person. */
  @Column({ name: 'trainee_id', type: 'int', nullable: true })
  traineeId: number | null;

  @Field(() => String, { nullable: true, description: 'The project designated (PROJECT, POVERTY_RELIEF_PROJECT)' })
  @Column({ name: 'project_name', type: 'text', nullable: true })
  projectName: string | null;

  /**
   * The id under which a read is audited: a PERSON designation points at a person, so it is
   * audited like the trainee it names; designations of counties, parks, projects and
   * enterprises are public records and are not.
   */
  get personalRecordId(): number | undefined {
    return this.kind === DesignationKind.PERSON ? this.id : undefined;
  }
}

/** One year's review of a designation (每年12月年度考核); REVOKED ends the designation. */
@ObjectType({ description: "One year's review of a designation (定期考核、动态管理)" })
@Entity('designation_review')
// Named as the migrations name them, so TypeORM sees the same tables the migrations build.
@ForeignKey('Designation', ['designationId'], ['id'], { name: 'designation_review_designation_id_fkey', onDelete: 'NO ACTION', onUpdate: 'NO ACTION' })
@Check('designation_review_result_check', `(result = ANY (ARRAY['PASSED'::text, 'RECTIFY'::text, 'REVOKED'::text]))`)
@Check('designation_review_year_check', `((year >= 2000) AND (year <= 2100))`)
@Unique('designation_review_designation_id_year_key', ['designationId', 'year'])
export class DesignationReview {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'designation_id', type: 'int' })
  designationId: number;

  @Field(() => Int)
  @Column({ type: 'smallint' })
  year: number;

  @Field(() => DesignationReviewResult)
  @Column({ type: 'text' })
  result: DesignationReviewResult;

  /** The reviewing body's note; a field resolver guards it for PERSON designations. */
  @Column({ type: 'text', nullable: true })
  note: string | null;
}
