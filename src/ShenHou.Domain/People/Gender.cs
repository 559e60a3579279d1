namespace ShenHou.Domain.People;

/// <summary>Gender as encoded in a citizen ID number's sequence digit (GB 11643).</summary>
public enum Gender
{
    Male,
    Female,
}
