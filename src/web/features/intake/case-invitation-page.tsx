export const CaseInvitationPage = () => null;
