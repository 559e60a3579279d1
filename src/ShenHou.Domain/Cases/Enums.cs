namespace ShenHou.Domain.Cases;

public enum Channel { Online, Window, Assisted }

public enum Relationship { Spouse, Child, Parent, Sibling, Grandparent, Grandchild, OtherRelative, Other }

/// <summary><c>AwaitingCorrection</c>: the applicant was told, once, everything to correct (一次性告知补正).</summary>
public enum CaseStatus { Submitted, AwaitingCorrection, Accepted, ReadyForDelivery, Delivered, Withdrawn }

public enum ItemStatus { Pending, Waiting, Transferred, Approved, Rejected, Issued }

public enum MaterialStatus { Required, Verified, Rejected, NotRequired }

/// <summary>Where a material of a case comes from.</summary>
public enum MaterialSource { Applicant, ProducedInCase, SharedData }

public enum VerificationMethod { Manual, DataSharing }

public enum DeliveryMethod { Window, Post, Online }
