import type { MigrationInterface, QueryRunner } from 'typeorm';

/** youth-league's records: success stories and awards. People and ventures are hr's: keys only, no foreign keys. */
export class CreateYouthLeagueRecords1764000000000 implements MigrationInterface {
  name = 'CreateYouthLeagueRecords1764000000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE success_story (
        id serial PRIMARY KEY,
        title text NOT NULL CHECK (length(btrim(title)) BETWEEN 1 AND 100),
        summary text NOT NULL CHECK (length(btrim(summary)) BETWEEN 1 AND 2000),
        protagonist_person_key char(35) NOT NULL CHECK (protagonist_person_key ~ '^pk_[0-9a-f]{32}$'),
        protagonist_name text NOT NULL,
        venture_id int NOT NULL CHECK (venture_id > 0),
        region_code char(6) NOT NULL CHECK (region_code ~ '^[0-9]{6}$'),
        published_on date,
        channel text NOT NULL CHECK (channel IN ('WECHAT', 'NEWSPAPER', 'TV', 'WEBSITE'))
      );
      CREATE INDEX success_story_protagonist_idx ON success_story (protagonist_person_key);
      CREATE INDEX success_story_venture_idx ON success_story (venture_id);
      CREATE INDEX success_story_region_published_idx ON success_story (region_code, published_on);
      CREATE INDEX success_story_published_on_idx ON success_story (published_on);
      CREATE INDEX success_story_channel_idx ON success_story (channel);

      CREATE TABLE award (
        id serial PRIMARY KEY,
        title text NOT NULL CHECK (length(btrim(title)) BETWEEN 1 AND 50),
        level text NOT NULL CHECK (level IN ('COUNTY', 'CITY', 'PROVINCE', 'NATIONAL')),
        year smallint NOT NULL CHECK (year BETWEEN 2000 AND 2100),
        region_code char(6) NOT NULL CHECK (region_code ~ '^[0-9]{6}$'),
        recipient_name text NOT NULL,
        person_key char(35) NOT NULL CHECK (person_key ~ '^pk_[0-9a-f]{32}$'),
        UNIQUE (person_key, title, year)
      );
      -- The unique index leads with person_key, so it also serves the per-person lookups.
      CREATE INDEX award_level_idx ON award (level);
      CREATE INDEX award_year_idx ON award (year);
      CREATE INDEX award_region_idx ON award (region_code);
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE award, success_story');
  }
}
