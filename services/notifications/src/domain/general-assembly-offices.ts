/** The offices the General Assembly elects, whatever body they belong to: every member votes. */
export const electedByGeneralAssembly = (office: string): boolean =>
  office === 'president' || office === 'executive-board';
