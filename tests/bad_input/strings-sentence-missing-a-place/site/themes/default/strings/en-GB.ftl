handout_page_of = Page { $page }
