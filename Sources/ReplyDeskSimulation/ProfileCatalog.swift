/// Fictional names, places and products the profile generator draws from.
enum ProfileCatalog {
  static let firstNames = [
    "Amara", "Ben", "Carla", "Dmitri", "Elena", "Farid", "Grace", "Hiro", "Ines", "Jonas", "Keisha",
    "Liam", "Maya", "Nikhil", "Olivia", "Pablo", "Quinn", "Rosa", "Samir", "Tessa", "Umar", "Vera",
    "Wes", "Ximena", "Yusuf", "Zoe", "Aidan", "Bea", "Chidi", "Dana", "Emil", "Fatima", "Gus", "Hana",
    "Ivo", "Jade", "Kofi", "Lena", "Marco", "Noor", "Oskar", "Priya", "Rafael", "Sofia", "Theo", "Uma",
  ]
  static let lastNames = [
    "Abara", "Bennett", "Castillo", "Dubois", "Eriksen", "Fontaine", "Garcia", "Hartley", "Iyer",
    "Jansen", "Kowalski", "Lindqvist", "Moreau", "Nakamura", "Okafor", "Petrov", "Quintero", "Rossi",
    "Sandoval", "Thornton", "Ulrich", "Varga", "Whitaker", "Xu", "Yilmaz", "Zimmer", "Achebe", "Brennan",
    "Cho", "Delgado", "Ellison", "Ferreira", "Greene", "Haddad", "Ivanova", "Kim", "Larsen", "Mendes",
  ]
  static let emailDomains = ["example.com", "mail.example.org", "inbox.example.net", "post.example.com"]

  /// A country the generator places customers in, with its currency and formats.
  struct Region {
    var currency: String
    var cities: [String]
    var streets: [String]
    var phonePrefix: String
    var trackingPrefix: String
    var format: AddressFormat
  }

  enum AddressFormat {
    case us
    case uk
    case continental
  }

  static let regions: [(Region, Double)] = [
    (
      Region(
        currency: "USD",
        cities: [
          "Portland, OR 97205", "Austin, TX 78701", "Columbus, OH 43215", "Denver, CO 80202",
          "Raleigh, NC 27601", "Madison, WI 53703",
        ],
        streets: ["Maple Avenue", "Oak Street", "Cedar Lane", "Willow Drive", "Lakeview Road", "Elm Court"],
        phonePrefix: "+1 555", trackingPrefix: "1Z", format: .us), 0.7
    ),
    (
      Region(
        currency: "GBP", cities: ["Leeds LS1 4AP", "Bristol BS1 5TR", "Norwich NR2 1BH", "York YO1 7HH"],
        streets: ["Station Road", "Church Lane", "Victoria Street", "Mill Lane"],
        phonePrefix: "+44 7700 900", trackingPrefix: "JD", format: .uk), 0.15
    ),
    (
      Region(
        currency: "EUR", cities: ["10115 Berlin", "75011 Paris", "1012 Amsterdam", "D02 Dublin"],
        streets: ["Lindenweg", "Rue des Lilas", "Keizersgracht", "Parkstraat"],
        phonePrefix: "+49 30 5550", trackingPrefix: "DE", format: .continental), 0.15
    ),
  ]

  /// Products with a price in minor units, before any regional adjustment.
  static let products: [(String, Int)] = [
    ("Ceramic pour-over coffee set", 3_450), ("Wool throw blanket", 6_900), ("Bamboo cutting board", 2_400),
    ("Noise-cancelling headphones", 17_999), ("Linen duvet cover", 8_950), ("Cast-iron skillet", 3_999),
    ("Running shoes", 11_000), ("Desk lamp", 4_599), ("Stainless water bottle", 2_250),
    ("Merino sweater", 8_900), ("Yoga mat", 3_200), ("Bluetooth speaker", 5_999), ("Chef's knife", 7_450),
    ("Rain jacket", 12_900), ("Houseplant pot set", 2_899), ("Mechanical keyboard", 10_999),
    ("Travel backpack", 8_400), ("Scented candle trio", 3_600), ("Kids' puzzle set", 1_999),
    ("Electric kettle", 4_999), ("Leather wallet", 5_500), ("Phone case", 1_899),
    ("Standing desk mat", 6_450),
    ("Espresso cups (set of 4)", 2_700), ("Hiking socks (3 pairs)", 2_400), ("Wall clock", 3_300),
    ("Air purifier", 19_900), ("Cookbook", 2_995), ("Board game", 4_200), ("Silk pillowcase", 3_900),
  ]
  static let deliveryWindows = ["8am-12pm", "10am-2pm", "12pm-4pm", "2pm-6pm", "4pm-8pm"]
}
