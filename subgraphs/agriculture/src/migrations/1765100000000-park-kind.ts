import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A park's kind: the plan's target of 20 new parks is for returnee parks, not for every
 * incubator. Parks recorded before the kind existed were registered as returnee parks.
 */
export class ParkKind1765100000000 implements MigrationInterface {
  name = 'ParkKind1765100000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE incubator_park ADD COLUMN kind text NOT NULL DEFAULT 'RETURNEE_PARK'
        CONSTRAINT incubator_park_kind_check CHECK (kind IN ('RETURNEE_PARK', 'OTHER_INCUBATOR'))`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('ALTER TABLE incubator_park DROP COLUMN kind');
  }
}
