namespace Lantern.Synthetic;

/// <summary>Name lists for synthetic people. Common English names; any match with a real
/// person is coincidence, as every record is generated.</summary>
internal static class Names
{
    public static readonly string[] Girls =
    [
        "Olivia", "Amelia", "Isla", "Ava", "Mia", "Ivy", "Lily", "Isabella", "Rosie", "Sophia", "Grace", "Freya", "Willow",
        "Poppy", "Evie", "Ella", "Emily", "Daisy", "Chloe", "Ruby", "Jessica", "Holly", "Megan", "Lacey", "Kayla", "Summer",
        "Harper", "Millie", "Phoebe", "Erin", "Layla", "Maisie", "Scarlett", "Bethany", "Courtney", "Paige", "Leah", "Hannah",
        "Zara", "Aisha", "Maya", "Sienna", "Darcy", "Esme", "Amber", "Lola", "Ellie", "Imogen", "Niamh", "Keira",
    ];

    public static readonly string[] Boys =
    [
        "Noah", "Oliver", "George", "Arthur", "Muhammad", "Leo", "Harry", "Oscar", "Archie", "Henry", "Theo", "Jack", "Charlie",
        "Freddie", "Alfie", "Thomas", "Jacob", "Riley", "Mason", "Logan", "Tyler", "Kai", "Jayden", "Lewis", "Callum", "Kyle",
        "Bailey", "Ethan", "Dylan", "Liam", "Connor", "Reece", "Jordan", "Harvey", "Finley", "Ryan", "Joshua", "Aaron", "Luke",
        "Samuel", "Daniel", "Adam", "Ben", "Owen", "Zac", "Toby", "Max", "Jake", "Brandon", "Corey",
    ];

    public static readonly string[] Adults =
    [
        "Sarah", "Claire", "Michelle", "Emma", "Gemma", "Kelly", "Lisa", "Donna", "Joanne", "Nicola", "Stacey", "Kerry", "Leanne",
        "Paul", "Mark", "Lee", "Darren", "Craig", "Wayne", "Dean", "Steven", "Gary", "Jason", "Carl", "Shaun", "Andrew", "Scott",
    ];

    public static readonly string[] Women = Adults[..14];

    public static readonly string[] Men = Adults[14..];

    public static readonly string[] Family =
    [
        "Smith", "Johnson", "Brown", "Taylor", "Wilson", "Davies", "Evans", "Thomas", "Roberts", "Walker", "Wright", "Robinson",
        "Thompson", "White", "Hughes", "Edwards", "Green", "Hall", "Wood", "Harris", "Lewis", "Martin", "Jackson", "Clarke",
        "Clark", "Turner", "Hill", "Scott", "Cooper", "Morris", "Ward", "Moore", "King", "Watson", "Baker", "Harrison", "Morgan",
        "Patel", "Young", "Allen", "Mitchell", "James", "Anderson", "Phillips", "Lee", "Bell", "Parker", "Davis", "Cook", "Kelly",
        "Marshall", "Bailey", "Dixon", "Mason", "Holmes", "Shaw", "Lloyd", "Ellis", "Richardson", "Fox", "Barker", "Atkinson",
        "Nicholson", "Hewitt", "Naylor", "Fletcher", "Riley", "Dawson", "Storr", "Bratley", "Cressey", "Mawer", "Drury", "Ablett",
    ];

    public static readonly string[] StaffGiven =
    [
        "Alex", "Sam", "Jo", "Chris", "Kim", "Pat", "Jamie", "Robin", "Sasha", "Morgan", "Priya", "Tariq", "Helen", "Rachel",
        "Janet", "Susan", "Karen", "Angela", "Ruth", "Catherine", "David", "Peter", "Michael", "Richard", "Simon", "Ian", "Neil",
        "Martin", "Anita", "Fatima", "Grace", "Olu", "Chidi", "Nadia", "Ewa", "Marta", "Joanna", "Kwame", "Ade", "Hannah",
    ];
}
