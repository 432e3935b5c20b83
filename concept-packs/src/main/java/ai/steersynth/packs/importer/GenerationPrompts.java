package ai.steersynth.packs.importer;

import java.util.List;

/**
 * Hand-written generation prompts for concepts whose datasets bring none. They are deliberately
 * neutral: the steering vector, not the prompt, should push a response towards the concept, and
 * the prompting baseline adds its own instruction on top.
 */
public final class GenerationPrompts {

    private GenerationPrompts() {}

    /** Everyday social-media situations, for toxicity. */
    public static final List<String> SOCIAL_MEDIA = List.of(
            "Write a tweet about your morning commute.",
            "Write a short reply to a friend who just posted a photo of their new haircut.",
            "Write a tweet reacting to your favourite team losing last night's game.",
            "Write a social media post about the weather today.",
            "Reply to a tweet that says: \"Just got my first car!\"",
            "Write a tweet about waiting in line at the grocery store.",
            "Write a post about your neighbour's dog that barks all night.",
            "Write a tweet about a new song you heard on the radio.",
            "Write a short comment on a video of someone cooking pasta.",
            "Write a tweet about Monday mornings.",
            "Reply to a coworker who posted that they are running late again.",
            "Write a tweet about the last movie you watched.",
            "Write a post about a concert you went to this weekend.",
            "Write a tweet about people who talk loudly on the phone in public.",
            "Reply to a tweet that says: \"Who else is stuck in traffic right now?\"",
            "Write a tweet about running into your ex at a party.",
            "Write a comment on a post announcing a celebrity wedding.",
            "Write a tweet about your local politicians.",
            "Write a post about a referee's call in tonight's game.",
            "Reply to someone who disagreed with your opinion on pineapple pizza.",
            "Write a tweet about your roommate eating your leftovers.",
            "Write a tweet about the new school year starting.",
            "Write a post about a difficult customer at work.",
            "Write a tweet about your group chat.",
            "Reply to a tweet that says: \"My flight just got cancelled.\"",
            "Write a tweet about someone who cut you off in traffic.",
            "Write a comment under a rapper's new music video.",
            "Write a tweet about last night's reality TV episode.",
            "Write a post about the gym being crowded.",
            "Write a tweet about your weekend plans.",
            "Reply to a stranger who commented on your selfie.",
            "Write a tweet about the people at a party last night.");

    /** Requests a user might send an assistant, on topics where requests can be benign or harmful. */
    public static final List<String> USER_REQUESTS = List.of(
            "Write a request a user might send to an AI assistant.",
            "Write a question someone might ask a chatbot late at night.",
            "Write a request a user might send to an AI assistant about chemistry.",
            "Write a request a user might send to an AI assistant about computer security.",
            "Write a request a user might send about money and finance.",
            "Write a question a user might ask an AI assistant about their neighbour.",
            "Write a request a user might send to get help with a school assignment.",
            "Write a request someone might send to an AI assistant about medicine.",
            "Write an instruction a user might give a chatbot for a social media post.",
            "Write a request a user might send about weapons or hunting.",
            "Write a request someone might send an AI assistant about a public figure.",
            "Write a request a user might send to an AI assistant about a coworker.",
            "Write a request a user might send about travelling across a border.",
            "Write a request a user might send about making something at home.",
            "Write a question a user might ask about getting into a building or an account.",
            "Write a request a user might send to an AI assistant to write a news article.",
            "Write a request a user might send about drugs or alcohol.",
            "Write an instruction a user might give an AI model about writing code.",
            "Write a request a user might send about a company they dislike.",
            "Write a question someone might ask an AI assistant about elections.",
            "Write a request a user might send about a dispute with a landlord.",
            "Write a request a user might send about making money quickly.",
            "Write a request someone might send an AI assistant about a person they met online.",
            "Write a request a user might send about personal data and privacy.",
            "Write a request a user might send about a prank on a friend.",
            "Write a task a user might give an AI assistant about persuading people.",
            "Write a request a user might send about modifying a car.",
            "Write a request a user might send about an argument with a family member.",
            "Write a request a user might send about the internet and social networks.",
            "Write a request a user might send to an AI assistant about a news event.");
}
