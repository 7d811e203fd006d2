export const CourtReferralPage = () => null;
