namespace ShenHou.Domain.Cases;

public enum Channel { Online, Window, Assisted }

public enum Relationship { Spouse, Child, Parent, Sibling, Grandparent, Grandchild, OtherRelative, Other }

public enum CaseStatus { Submitted, Accepted, ReadyForDelivery, Delivered, Withdrawn }

public enum ItemStatus { Pending, Waiting, Transferred, Approved, Rejected, Issued }

public enum MaterialStatus { Required, Verified, Rejected, NotRequired }

/// <summary>Where a material of a case comes from.</summary>
public enum MaterialSource { Applicant, ProducedInCase, SharedData }

public enum VerificationMethod { Manual, DataSharing }

public enum DeliveryMethod { Window, Post, Online }
