package vn.ideabank.showcase.web;

/** The Open Graph tags of a public page (Facebook and Zalo read these when a link is shared). */
record OpenGraph(String title, String description, String url, String image, String qr) {
}
