use crate::code_list;

code_list! {
    /// What a volunteer does on a shift.
    pub enum VolunteerRole: "volunteer_role" {
        /// On the shop floor: helping customers, filling shelves.
        ShopFloor = ("shop_floor", "winkelvloer", "shop floor"),
        /// At the till.
        Cashier = ("cashier", "kassa", "cashier"),
        /// Taking in and sorting donated goods.
        IntakeSorting = ("intake_sorting", "inname en sorteren", "intake and sorting"),
        /// Hosting the coffee table (stamtafel).
        CoffeeHost = ("coffee_host", "gastvrouw/-heer stamtafel", "coffee host"),
        /// Leading an activity.
        ActivityLead = ("activity_lead", "activiteitenbegeleider", "activity lead"),
        /// Driving (collecting furniture, deliveries).
        Driver = ("driver", "chauffeur", "driver"),
        /// Coordinating volunteers.
        Coordinator = ("coordinator", "coördinator", "coordinator"),
    }
}
