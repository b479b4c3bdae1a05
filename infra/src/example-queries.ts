/** Printed by `npm start` and used by the README: each one crosses departments. */
export const EXAMPLE_QUERIES = `
  # Xuzhou's 2019 scorecard: hr, agriculture, poverty and womens-federation indicators
  query XuzhouScorecard { scorecard(regionCode: "320300", year: 2019) {
      trained { value target met } passRate { value target met } openingRate6m { value target met }
      jobsPerVenture { value target met } survivalRate1y { value target met } loansIssuedYuan { value }
      newParks { value } poorTraineeShare { value suppressed note } poorWomenTrainees { value suppressed note } } }

  # A trainee across all five departments (send an admin token)
  query PoorTraineesAcrossDepartments { trainees(filter: { category: REGISTERED_POOR }, first: 3) { totalCount edges { node {
      personKey ventures { name park { name } stories { title } }
      povertyHousehold { householdNo cause } womenSupport { supportType outcome } } } } }

  # Parks and the ventures that reside in them, with their founders (a signed-in token: founders are not public)
  query ParksAndResidents { incubatorParks(first: 5) { edges { node { name level residents { name founder { category } } } } } }`;
