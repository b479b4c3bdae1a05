import type { MigrationInterface, QueryRunner } from 'typeorm';

/** hr's records: institutions, courses, mentors, trainees, enrolments, ventures, loans, follow-ups. */
export class CreateHrRecords1764000000000 implements MigrationInterface {
  name = 'CreateHrRecords1764000000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE training_institution (
        id serial PRIMARY KEY,
        name text NOT NULL,
        region_code char(6) NOT NULL,
        ownership text NOT NULL CHECK (ownership IN ('PUBLIC', 'PRIVATE'))
      );
      CREATE INDEX training_institution_region_idx ON training_institution (region_code);

      CREATE TABLE course (
        id serial PRIMARY KEY,
        institution_id int NOT NULL REFERENCES training_institution (id),
        type text NOT NULL CHECK (type IN ('BUSINESS_AWARENESS', 'SYB', 'IYB', 'ECOMMERCE', 'SKILL_PLUS')),
        name text NOT NULL,
        region_code char(6) NOT NULL,
        starts_on date NOT NULL,
        ends_on date NOT NULL CHECK (ends_on >= starts_on)
      );
      CREATE INDEX course_institution_idx ON course (institution_id);
      CREATE INDEX course_region_idx ON course (region_code);

      CREATE TABLE mentor (
        id serial PRIMARY KEY,
        name text NOT NULL,
        region_code char(6) NOT NULL,
        speciality text NOT NULL
      );
      CREATE INDEX mentor_region_idx ON mentor (region_code);

      CREATE TABLE trainee (
        id serial PRIMARY KEY,
        citizen_id char(18) NOT NULL UNIQUE,
        person_key char(35) NOT NULL UNIQUE,
        person_key_prefix bigint NOT NULL,
        name text NOT NULL,
        phone text,
        gender text NOT NULL CHECK (gender IN ('MALE', 'FEMALE')),
        birth_year smallint NOT NULL,
        region_code char(6) NOT NULL,
        category text NOT NULL CHECK (category IN ('MIGRANT_WORKER', 'REGISTERED_POOR', 'COLLEGE_GRADUATE', 'VETERAN')),
        stage text NOT NULL CHECK (stage IN ('AWARENESS', 'STARTUP', 'GROWTH')),
        registered_on date NOT NULL,
        first_completed_on date
      );
      CREATE INDEX trainee_person_key_prefix_idx ON trainee (person_key_prefix);
      CREATE INDEX trainee_region_idx ON trainee (region_code);
      CREATE INDEX trainee_region_first_completed_idx ON trainee (region_code, first_completed_on);
      CREATE INDEX trainee_gender_idx ON trainee (gender);
      CREATE INDEX trainee_category_idx ON trainee (category);
      CREATE INDEX trainee_stage_idx ON trainee (stage);
      CREATE INDEX trainee_registered_on_idx ON trainee (registered_on);

      CREATE TABLE enrolment (
        id serial PRIMARY KEY,
        trainee_id int NOT NULL REFERENCES trainee (id),
        course_id int NOT NULL REFERENCES course (id),
        enrolled_on date NOT NULL,
        completed_on date,
        passed boolean,
        certificate_no text UNIQUE,
        satisfaction smallint CHECK (satisfaction BETWEEN 1 AND 5),
        UNIQUE (trainee_id, course_id),
        CHECK (certificate_no IS NULL OR passed)
      );
      CREATE INDEX enrolment_trainee_idx ON enrolment (trainee_id);
      CREATE INDEX enrolment_course_idx ON enrolment (course_id);
      CREATE INDEX enrolment_completed_on_idx ON enrolment (completed_on);

      CREATE TABLE venture (
        id serial PRIMARY KEY,
        founder_id int NOT NULL REFERENCES trainee (id),
        name text NOT NULL,
        industry text NOT NULL,
        region_code char(6) NOT NULL,
        opened_on date NOT NULL,
        jobs_created int NOT NULL CHECK (jobs_created >= 0),
        closed_on date CHECK (closed_on IS NULL OR closed_on >= opened_on)
      );
      CREATE INDEX venture_founder_idx ON venture (founder_id);
      CREATE INDEX venture_industry_idx ON venture (industry);
      CREATE INDEX venture_opened_on_idx ON venture (opened_on);
      CREATE INDEX venture_region_opened_idx ON venture (region_code, opened_on);

      CREATE TABLE loan (
        id serial PRIMARY KEY,
        borrower_id int NOT NULL REFERENCES trainee (id),
        venture_id int REFERENCES venture (id),
        amount_yuan int NOT NULL CHECK (amount_yuan > 0 AND amount_yuan <= 150000),
        bank text NOT NULL,
        issued_on date NOT NULL,
        interest_subsidised boolean NOT NULL,
        repaid_on date
      );
      CREATE INDEX loan_borrower_idx ON loan (borrower_id);
      CREATE INDEX loan_venture_idx ON loan (venture_id);
      CREATE INDEX loan_issued_on_idx ON loan (issued_on);

      CREATE TABLE follow_up (
        id serial PRIMARY KEY,
        trainee_id int NOT NULL REFERENCES trainee (id),
        mentor_id int REFERENCES mentor (id),
        visited_on date NOT NULL,
        business_status text NOT NULL CHECK (business_status IN ('PREPARING', 'OPERATING', 'STRUGGLING', 'CLOSED')),
        help_given text NOT NULL
      );
      CREATE INDEX follow_up_trainee_idx ON follow_up (trainee_id);
      CREATE INDEX follow_up_mentor_idx ON follow_up (mentor_id);
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(
      'DROP TABLE follow_up, loan, venture, enrolment, trainee, mentor, course, training_institution',
    );
  }
}
