handout_link_pages = { $pages ->
    [one] One page
    [other] { $pages } pages
}
